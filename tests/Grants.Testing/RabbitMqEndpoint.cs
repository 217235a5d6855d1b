namespace Grants.Testing;

// Both URIs carry the credentials (amqp://user:pass@host:port/, http://user:pass@host:port/), so
// each is complete on its own; UserName and Password are the same credentials, unescaped.
public sealed record RabbitMqEndpoint(Uri Amqp, Uri Management, string UserName, string Password)
{
    private const int DefaultManagementPort = 15672;

    // The AMQP URI of one virtual host on this broker.
    public Uri AmqpFor(string virtualHost) =>
        new UriBuilder(Amqp) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri;

    public string Describe() => $"{UserName}@{Amqp.Host}:{Amqp.Port} (management {Management.Host}:{Management.Port})";

    internal static RabbitMqEndpoint Local(int amqpPort, int managementPort, string userName, string password) =>
        new(
            WithCredentials(new Uri($"amqp://127.0.0.1:{amqpPort}/"), userName, password),
            WithCredentials(new Uri($"http://127.0.0.1:{managementPort}/"), userName, password),
            userName,
            password);

    // Credentials come from the management URI if it has them, else from the AMQP URI, else guest/guest;
    // without a management URI the broker's own host on the usual port 15672 is assumed.
    internal static RabbitMqEndpoint Parse(string amqp, string? management)
    {
        var amqpUri = new Uri(amqp);
        var managementUri = string.IsNullOrWhiteSpace(management)
            ? new UriBuilder("http", amqpUri.Host, DefaultManagementPort, "/").Uri
            : new Uri(management.EndsWith('/') ? management : management + "/");
        var (userName, password) = Credentials(managementUri) ?? Credentials(amqpUri) ?? ("guest", "guest");
        return new RabbitMqEndpoint(
            WithCredentials(amqpUri, userName, password),
            WithCredentials(managementUri, userName, password),
            userName,
            password);
    }

    private static (string UserName, string Password)? Credentials(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static Uri WithCredentials(Uri uri, string userName, string password) =>
        new UriBuilder(uri) { UserName = Uri.EscapeDataString(userName), Password = Uri.EscapeDataString(password) }.Uri;
}
