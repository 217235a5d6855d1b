using System.Numerics;

namespace Grants.Demo;

/// <summary>An NGO of the scenario: its organisation id (named by its users' tokens), its applicant user and its registration.</summary>
public sealed record DemoNgo(int Number, Guid Id, string Name, string City, string PostalCode, Caller Applicant)
{
    /// <summary>Number 7 carries a name the UN sample list gives as an alias of a listed entity.</summary>
    public const string SanctionedAlias = "Nour Relief & Development Foundation";

    private static readonly (string Name, string City, string PostalCode)[] Profiles =
    [
        ("Mediators Beyond Borders Belgium", "Brussels", "1000"),
        ("Women for Peace Kivu Network", "Leuven", "3000"),
        ("Civilians First Protection Alliance", "Ghent", "9000"),
        ("Justice and Memory Institute", "Liege", "4000"),
        ("Demining Action Belgium", "Namur", "5000"),
        ("Rebuild Institutions Foundation", "Antwerp", "2000"),
        (SanctionedAlias, "Brussels", "1050"),
        ("Sahel Dialogue Platform", "Mons", "7000"),
        ("Child Soldiers Reintegration Fund", "Bruges", "8000"),
        ("Rule of Law Observatory", "Brussels", "1040"),
        ("Peace Radio Great Lakes", "Charleroi", "6000"),
        ("Small Arms Control Initiative", "Hasselt", "3500"),
        ("Transitional Justice Lab", "Louvain-la-Neuve", "1348"),
        ("Community Mediation Centres", "Mechelen", "2800"),
        ("Humanitarian Disarmament Forum", "Kortrijk", "8500"),
    ];

    public static int Count => Profiles.Length;

    public static DemoNgo Create(int number, string run)
    {
        var (name, city, postalCode) = Profiles[number - 1];
        var id = Guid.NewGuid();
        return new DemoNgo(number, id, name, city, postalCode, new Caller("applicant", $"ngo-{number:00}-{run}", id));
    }

    public bool IsSanctionedAlias => Name == SanctionedAlias;

    /// <summary>What the NGO sends to register: a unique registration number per run, a Belgian account whose IBAN checks.</summary>
    public object Registration(string run) => new
    {
        legalName = Name,
        registrationNumber = $"DEMO-{run}-{Number:00}",
        country = "BE",
        legalForm = "ASBL/VZW",
        address = new { street = $"Rue de la Paix {Number}", postalCode = PostalCode, city = City, country = "BE" },
        contact = new { name = $"Director of {Name}", email = $"director.{Number:00}.{run}@ngo.example", phone = "+32 2 555 00 00" },
        bankAccount = new { iban = Iban(run), bic = "GKCCBEBB", holderName = Name },
    };

    /// <summary>A Belgian IBAN: 10 digits, their national check (mod 97), then the ISO 13616 check digits.</summary>
    private string Iban(string run)
    {
        var account = (Math.Abs((long)HashCode.Combine(run, Number)) % 9_000_000_000L) + 1_000_000_000L;
        var national = account % 97 == 0 ? 97 : account % 97;
        var bban = $"{account:0000000000}{national:00}";
        var check = 98 - (int)(BigInteger.Parse($"{bban}111400", CultureInfo.InvariantCulture) % 97);
        return $"BE{check:00}{bban}";
    }
}
