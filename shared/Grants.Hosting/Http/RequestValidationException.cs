namespace Grants.Hosting.Http;

/// <summary>Every invalid field of a request at once, as field name (as in the JSON) to messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : RequestRejectedException(400, ProblemCodes.Invalid, "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
