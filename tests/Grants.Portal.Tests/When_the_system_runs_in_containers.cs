using YamlDotNet.RepresentationModel;

namespace Grants.Portal.Tests;

/// <summary>docker-compose.yml runs the portal beside the three services (read here: there is no Docker engine where the tests run).</summary>
public sealed class When_the_system_runs_in_containers
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Should_build_the_portal_like_the_services_and_publish_it_on_port_5100()
    {
        var portal = Service("portal");

        Assert.Equal("deploy/Dockerfile", Scalar(portal, "build", "dockerfile"));
        Assert.Equal("Portal", Scalar(portal, "build", "args", "SERVICE"));
        Assert.True(File.Exists(Path.Combine(Root, "services", "Portal", "Grants.Portal.csproj")));
        Assert.Contains("127.0.0.1:${GRANTS_PORTAL_PORT:-5100}:8080", Sequence(portal, "ports"));
    }

    [Fact]
    public void Should_start_the_portal_once_its_database_and_the_three_services_are_healthy()
    {
        var dependsOn = (YamlMappingNode)Service("portal").Children[new YamlScalarNode("depends_on")];

        foreach (var dependency in new[] { "postgres", "applications", "review", "payments" })
        {
            Assert.Equal("service_healthy", Scalar(dependsOn, dependency, "condition"));
            Assert.True(Services().Children.ContainsKey(new YamlScalarNode(dependency)), $"depends on {dependency}, which compose does not define");
        }
    }

    [Fact]
    public void Should_tell_the_portal_the_service_urls_its_database_and_the_signing_key()
    {
        var portal = Service("portal");

        Assert.Equal("http://applications:8080", Scalar(portal, "environment", "Services__Applications"));
        Assert.Equal("http://review:8080", Scalar(portal, "environment", "Services__Review"));
        Assert.Equal("http://payments:8080", Scalar(portal, "environment", "Services__Payments"));
        Assert.Contains("Username=portal;", Scalar(portal, "environment", "ConnectionStrings__Postgres"), StringComparison.Ordinal);
        Assert.Contains("Host=postgres;", Scalar(portal, "environment", "ConnectionStrings__Postgres"), StringComparison.Ordinal);
        Assert.Equal("portal", Scalar(portal, "environment", "Grants__Schema"));
        var keyFile = Scalar(portal, "environment", "Auth__SigningKeyFile");
        Assert.Contains(Sequence(portal, "volumes"), volume => volume.EndsWith(":ro", StringComparison.Ordinal) && keyFile.StartsWith(volume.Split(':')[1] + "/", StringComparison.Ordinal));
        Assert.Equal(Scalar(Service("applications"), "environment", "Auth__Issuer"), Scalar(portal, "environment", "Auth__Issuer"));
        Assert.Equal(Scalar(Service("applications"), "environment", "Auth__Audience"), Scalar(portal, "environment", "Auth__Audience"));
    }

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services().Children[new YamlScalarNode(name)];

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value ?? "";
    }

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "")];
}
