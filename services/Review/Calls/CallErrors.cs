namespace Grants.Review.Calls;

/// <summary>Thrown when a call's own messages have not arrived yet; a consumer retries until they have.</summary>
public sealed class CallNotKnownException(string message) : DomainException("call.unknown", message, DomainErrorKind.NotFound);

internal static class CallErrors
{
    public static CallNotKnownException Unknown() => new("The Review service has not received this call's rules (CallOpened) yet.");
}
