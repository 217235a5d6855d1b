namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    public const int ApplicationsPerNgo = 2;

    private async Task RegisterNgos(CancellationToken ct)
    {
        _ngos.AddRange(Enumerable.Range(1, DemoNgo.Count).Select(n => DemoNgo.Create(n, options.Run)));
        await Each(_ngos, async ngo =>
            (await api.Applications.Post(ngo.Applicant, "/organisations", ngo.Registration(options.Run), ct, idempotent: true)).EnsureOk(), ct);
        Say($"{_ngos.Count} NGOs registered, among them \"{DemoNgo.SanctionedAlias}\", an alias of an entity on the UN sample list");
    }

    /// <summary>Each NGO drafts and submits two complete applications before the deadline.</summary>
    private async Task SubmitApplications(CancellationToken ct)
    {
        for (var i = 0; i < _ngos.Count * ApplicationsPerNgo; i++)
        {
            _applications.Add(new DemoApplication(i, _ngos[i / ApplicationsPerNgo], Twists.For(i), 45_000m + (i * 1_750m)));
        }

        await Each(_ngos, async ngo =>
        {
            foreach (var application in _applications.Where(a => a.Ngo == ngo))
            {
                var draft = (await api.Applications.Post(ngo.Applicant, "/applications", application.Draft(Call.Id, Call), ct, idempotent: true)).EnsureOk();
                application.Id = draft["id"].GetGuid();
                var submitted = (await api.Applications.Post(ngo.Applicant, $"/applications/{application.Id}/submit", null, ct, draft.Version)).EnsureOk();
                Expect(submitted, "status", "Submitted");
            }
        }, ct);
        Say($"{_applications.Count} applications submitted, EUR {Eur(_applications.Sum(a => a.Requested))} requested in all");
    }

    /// <summary>The officer confirms the automatic check, overrides it for three, and asks one NGO to clarify a clerical point first.</summary>
    private async Task DecideEligibility(CancellationToken ct)
    {
        await Each(_applications, async application =>
        {
            var path = $"/applications/{application.Id}";
            if (application.Twist == Twist.Clarification)
            {
                Expect((await api.Applications.Post(Caller.Officer, $"{path}/clarification",
                    new { question = "The staff line speaks of 14 mediators, the narrative of 4: which is right?" }, ct)).EnsureOk(),
                    "status", "ClarificationRequested");
                (await api.Applications.Post(application.Ngo.Applicant, $"{path}/clarification/answer",
                    new { answer = "4 mediators; 14 was a typing error in the budget note." }, ct)).EnsureOk();
                Say($"Officer asked {application.Ngo.Name} to clarify a clerical error; the NGO answered");
            }

            var eligible = application.Twist != Twist.Ineligible;
            var decided = (await api.Applications.Post(Caller.Officer, $"{path}/eligibility", new
            {
                eligible,
                justification = eligible
                    ? "Complete, on time, theme and country on the call, amounts and duration within the limits."
                    : "The statutes annexed do not cover peace building work in the target country.",
            }, ct)).EnsureOk();
            Expect(decided, "status", eligible ? "Eligible" : "Ineligible");
        }, ct);
        Say($"Officer found {_applications.Count(a => a.Twist != Twist.Ineligible)} applications eligible, " +
            $"{_applications.Count(a => a.Twist == Twist.Ineligible)} ineligible");
    }

    private static void Expect(Reply reply, string property, string expected)
    {
        var actual = reply[property].ToString();
        if (actual != expected)
        {
            throw new ScenarioException($"{reply.Request}: {property} is {actual}, expected {expected}.");
        }
    }
}
