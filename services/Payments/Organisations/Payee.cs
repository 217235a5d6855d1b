using Grants.Contracts.Organisations;

namespace Grants.Payments.Organisations;

/// <summary>An organisation's bank account as Applications last described it; unverified until a second person checked a change.</summary>
public sealed record BankAccountRecorded(Guid OrganisationId, string LegalName, BankAccount Account, bool Verified);

public sealed record Payee(bool Known, string LegalName, BankAccount? Account, bool Verified) : IEventSourced<Payee>
{
    public static Payee Initial { get; } = new(false, "", null, false);

    public static Payee Evolve(Payee state, object @event) => @event switch
    {
        BankAccountRecorded e => new(true, e.LegalName, e.Account, e.Verified),
        _ => state,
    };

    /// <summary>
    /// A registration only sets the first account: arriving after an update (messages can be
    /// reordered) it would put back older details. The registered account is the baseline, not a change.
    /// </summary>
    public static IReadOnlyList<object> Registered(BankAccountRecorded command, Payee state) =>
        state.Known ? [] : [command with { Verified = true }];

    public static IReadOnlyList<object> Updated(BankAccountRecorded command, Payee state) =>
        state.Known && state.LegalName == command.LegalName && state.Account == command.Account && state.Verified == command.Verified
            ? []
            : [command];
}
