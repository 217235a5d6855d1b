using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Tests.Lists;

public sealed class When_a_list_is_imported
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Published = new(2026, 11, 30, 23, 0, 3, TimeSpan.Zero);
    private const string Hash = "3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";

    private static ImportList Import(string hash = Hash, DateTimeOffset? published = null, int entries = 5) =>
        new(ListFile.Un, hash, published ?? Published, entries, "upload", "fiona", Now);

    [Fact]
    public void Should_record_a_first_version_with_its_date_hash_and_importer()
    {
        var events = SanctionsListDecider.Decide(Import(), SanctionsList.Initial);

        var imported = Assert.IsType<SanctionsListImported>(Assert.Single(events));
        Assert.Equal("UN:2026-11-30T23:00:03Z:3f1c0e9a7b2d", imported.Version);
        Assert.Equal(Hash, imported.ContentHash);
        Assert.Equal(Published, imported.PublishedAt);
        Assert.Equal(5, imported.EntryCount);
        Assert.Equal("fiona", imported.ImportedBy);
        Assert.Equal(Now, imported.ImportedAt);
    }

    [Fact]
    public void Should_change_nothing_when_the_content_is_the_version_in_force()
    {
        var state = Given(SanctionsListDecider.Decide(Import(), SanctionsList.Initial));

        Assert.Empty(SanctionsListDecider.Decide(Import(), state));
    }

    [Fact]
    public void Should_record_a_new_version_for_new_content()
    {
        var state = Given(SanctionsListDecider.Decide(Import(), SanctionsList.Initial));

        var events = SanctionsListDecider.Decide(Import(hash: new string('a', 64), published: Published.AddDays(1)), state);

        Assert.Equal("UN:2026-12-01T23:00:03Z:aaaaaaaaaaaa", Assert.IsType<SanctionsListImported>(Assert.Single(events)).Version);
    }

    [Fact]
    public void Should_refuse_a_file_published_before_the_version_in_force()
    {
        var state = Given(SanctionsListDecider.Decide(Import(), SanctionsList.Initial));

        var error = Assert.Throws<DomainException>(() => SanctionsListDecider.Decide(Import(hash: new string('b', 64), published: Published.AddDays(-1)), state));

        Assert.Equal("sanctions.list_outdated", error.Code);
    }

    [Fact]
    public void Should_refuse_a_file_without_entries()
    {
        var error = Assert.Throws<DomainException>(() => SanctionsListDecider.Decide(Import(entries: 0), SanctionsList.Initial));

        Assert.Equal("sanctions.list_empty", error.Code);
    }

    private static SanctionsList Given(IEnumerable<object> events) => events.Aggregate(SanctionsList.Initial, SanctionsList.Evolve);
}
