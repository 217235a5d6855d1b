using Grants.Contracts.Organisations;

namespace Grants.Payments.Grants;

public enum TrancheKind
{
    PreFinancing,
    Balance,
}

public enum TrancheStatus
{
    Planned,
    Due,
    Blocked,
    Prepared,
    Approved,
    Batched,
    Paid,
    Withheld,
}

/// <summary>The first signature: what the finance officer prepared, to whose account.</summary>
public sealed record Preparation(Money Amount, DateOnly ExecutionDate, BankAccount Account, Actor PreparedBy);

public sealed record Tranche(int Number, TrancheKind Kind, Money Planned, string Condition)
{
    public TrancheStatus Status { get; init; } = TrancheStatus.Planned;

    /// <summary>What is due; set when the tranche falls due, after the usage rule and the cap.</summary>
    public Money? Amount { get; init; }

    public DateOnly? PayBy { get; init; }

    public bool Late { get; init; }

    public Preparation? Preparation { get; init; }

    public Actor? ApprovedBy { get; init; }

    public Guid? BatchId { get; init; }

    public string? EndToEndId { get; init; }

    public string? BlockCode { get; init; }

    public string? BlockReason { get; init; }

    public DateOnly? PaidOn { get; init; }

    public string? BankReference { get; init; }

    /// <summary>Counts towards what the grantee has received or is about to: paid, or in a batch sent to the bank.</summary>
    public bool IsDisbursed => Status is TrancheStatus.Paid or TrancheStatus.Batched;

    /// <summary>Due but not yet out of the door: what an overdue report or the final report stops.</summary>
    public bool IsPending => Status is TrancheStatus.Due or TrancheStatus.Blocked or TrancheStatus.Prepared or TrancheStatus.Approved;
}
