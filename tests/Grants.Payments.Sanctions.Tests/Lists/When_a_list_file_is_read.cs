using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Tests.Lists;

public sealed class When_a_list_file_is_read
{
    [Fact]
    public void Should_read_the_UN_list_with_its_date_individuals_entities_aliases_and_original_script()
    {
        var list = ListFile.Read(Samples.Un);

        Assert.Equal(ListFile.Un, list.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 3, 412, TimeSpan.Zero), list.PublishedAt);
        Assert.Equal(5, list.Entries.Count);
        var person = Assert.Single(list.Entries, e => e.EntryId == "6908901");
        Assert.Equal(EntryKinds.Individual, person.Kind);
        Assert.Equal("QDi.901", person.Reference);
        Assert.Equal("ABD AL-RAHMAN MUHAMMAD HUSAYN AL-MASRI", person.Names[0]);
        Assert.Contains("Abou Khaled al-Masri", person.Names);
        Assert.Contains("عبد الرحمن محمد حسين المصري", person.Names);
        var entity = Assert.Single(list.Entries, e => e.Reference == "QDe.950");
        Assert.Equal(EntryKinds.Entity, entity.Kind);
        Assert.Contains("Nour Relief and Development Foundation", entity.Names);
    }

    [Fact]
    public void Should_read_the_EU_file_with_its_generation_date_subject_types_and_name_aliases()
    {
        var list = ListFile.Read(Samples.Eu);

        Assert.Equal(ListFile.Eu, list.Source);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 40, 51, 758, TimeSpan.Zero), list.PublishedAt);
        Assert.Equal(4, list.Entries.Count);
        var person = Assert.Single(list.Entries, e => e.EntryId == "139001");
        Assert.Equal(EntryKinds.Individual, person.Kind);
        Assert.Equal("EU.9001.12", person.Reference);
        Assert.Equal(["Mohammed Hussein Al-Masri", "Muhammad Husayn al-Misri", "محمد حسين المصري"], person.Names);
        Assert.Equal(EntryKinds.Entity, Assert.Single(list.Entries, e => e.EntryId == "139002").Kind);
    }

    [Fact]
    public void Should_hash_the_content_so_the_same_file_is_the_same_version()
    {
        Assert.Equal(ListFile.Read(Samples.Un).ContentHash, ListFile.Read(Samples.Un).ContentHash);
        Assert.NotEqual(ListFile.Read(Samples.Un).ContentHash, ListFile.Read(Samples.UnLater()).ContentHash);
        Assert.Equal(64, ListFile.Read(Samples.Eu).ContentHash.Length);
    }

    [Fact]
    public void Should_change_an_entry_fingerprint_only_when_the_entry_changes()
    {
        var before = ListFile.Read(Samples.Un).Entries;
        var after = ListFile.Read(Samples.UnLater(aliasChange: "Abu Khalid al-Misri")).Entries;

        Assert.NotEqual(before.Single(e => e.EntryId == "6908901").Fingerprint, after.Single(e => e.EntryId == "6908901").Fingerprint);
        Assert.Equal(before.Single(e => e.EntryId == "6908950").Fingerprint, after.Single(e => e.EntryId == "6908950").Fingerprint);
    }

    [Theory]
    [InlineData("<html><body>Service unavailable</body></html>")]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>")]
    [InlineData("<export generationDate=\"2026-01-01\"><sanctionEntity><nameAlias wholeName=\"X\"/></sanctionEntity></export>")]
    [InlineData("<CONSOLIDATED_LIST dateGenerated=\"2026-01-01\"><INDIVIDUALS><INDIVIDUAL>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><CONSOLIDATED_LIST dateGenerated=\"2026-01-01\"/>")]
    public void Should_refuse_what_is_not_a_readable_list(string xml)
    {
        var error = Assert.Throws<DomainException>(() => ListFile.Read(System.Text.Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(ListFile.InvalidCode, error.Code);
    }
}
