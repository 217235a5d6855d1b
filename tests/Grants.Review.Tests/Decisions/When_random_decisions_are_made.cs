using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Decisions;

/// <summary>
/// Property: whatever officers propose, approvers confirm and NGOs decline, in any order, the
/// confirmed awards of a call never exceed its envelope and no application that failed a threshold
/// is ever awarded. Each seed is one random history; a failure names its seed to replay it.
/// </summary>
public sealed class When_random_decisions_are_made
{
    private const int Seeds = 300;
    private const int StepsPerHistory = 60;

    [Fact]
    public void Should_never_exceed_the_envelope_nor_award_a_failed_application()
    {
        var rejectedCommands = 0;
        var awards = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var (state, failed) = RandomCall(random);
            for (var step = 0; step < StepsPerHistory; step++)
            {
                try
                {
                    var events = FundingDecider.Decide(RandomCommand(random, state), state);
                    state = events.Aggregate(state, CallReview.Evolve);
                    awards += events.OfType<FundingDecisionConfirmed>().Count(e => e.Outcome == FundingOutcome.Award);
                }
                catch (DomainException)
                {
                    rejectedCommands++;
                }

                Assert.True(state.Awarded <= state.Known.Envelope.Amount, $"seed {seed}: awarded {state.Awarded} > envelope {state.Known.Envelope.Amount}");
                Assert.False(
                    state.Decisions.Any(d => d.Value.Outcome == FundingOutcome.Award && failed.Contains(d.Key)),
                    $"seed {seed}: an application that failed a threshold was awarded");
            }
        }

        // The histories must exercise both sides, or the property says nothing.
        Assert.True(awards > Seeds, $"only {awards} awards confirmed");
        Assert.True(rejectedCommands > Seeds, $"only {rejectedCommands} commands refused");
    }

    private static (CallReview State, HashSet<Guid> Failed) RandomCall(Random random)
    {
        var envelope = random.Next(1, 10) * 50_000m;
        var events = new List<object> { Decisions.CallSample.CallOpened(envelope) };
        var failed = new HashSet<Guid>();
        var count = random.Next(2, 12);
        for (var n = 1; n <= count; n++)
        {
            var passed = random.Next(4) > 0;
            if (!passed)
            {
                failed.Add(Decisions.CallSample.App(n));
            }

            events.AddRange(Decisions.CallSample.Reviewed(n, random.Next(10, 50) / 10m, passed, random.Next(1, 8) * 25_000m, random.Next(1, 20)));
        }

        events.Add(new CallClosedForSubmissions(Now));
        return (events.Aggregate(CallReview.Initial, CallReview.Evolve), failed);
    }

    private static FundingCommand RandomCommand(Random random, CallReview state)
    {
        var applications = state.Cases.Keys.Order().ToList();
        Guid Any() => applications[random.Next(applications.Count)];
        var officer = new Actor(random.Next(2) == 0 ? "olivia" : "oscar", "officer");
        var approver = new Actor(random.Next(3) == 0 ? "olivia" : "adam", "approver");
        return random.Next(6) switch
        {
            0 or 1 => new ProposeDecisions(
                [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Any()).Distinct().Select(a => RandomProposal(random, state, a))], officer, Now),
            2 or 3 => new ConfirmDecisions(
                [.. state.Proposals.Keys.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Any()).Distinct()], approver, Now),
            4 => new ReleaseAward(Any(), "The NGO declined", officer, Now),
            _ => random.Next(2) == 0
                ? new RecordComplaint(Guid.NewGuid(), Any(), "Reviewer conflict alleged", officer, Now)
                : new ResolveComplaint(state.OpenComplaints.Keys.DefaultIfEmpty(Guid.NewGuid()).First(), "Resolved", approver, Now),
        };
    }

    private static ProposedDecision RandomProposal(Random random, CallReview state, Guid application)
    {
        var requested = state.Cases[application].RequestedAmount.Amount;
        return random.Next(3) switch
        {
            0 => new ProposedDecision(application, FundingOutcome.Award, Money.Eur(requested * random.Next(5, 11) / 10), ["Reduced to fit"]),
            1 => new ProposedDecision(application, FundingOutcome.ReserveList, null, []),
            _ => new ProposedDecision(application, FundingOutcome.Reject, null, ["Lower in the ranking"]),
        };
    }
}
