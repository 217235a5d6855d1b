using Grants.Payments.Sanctions.Screening;

namespace Grants.Payments.Sanctions;

/// <summary>What a confirmed hit sets off beyond screening, written in the session that records the decision so both commit or neither.</summary>
public interface IHitEscalation
{
    Task Escalate(EventSession session, SanctionsHitConfirmed confirmed, CancellationToken cancellationToken);
}
