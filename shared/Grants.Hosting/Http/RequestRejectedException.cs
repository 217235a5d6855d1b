namespace Grants.Hosting.Http;

/// <summary>The request itself is wrong (a header, a limit, a parameter); the edge answers with this status and code.</summary>
public class RequestRejectedException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
