using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Grants.Hosting.Http;

/// <summary>
/// A stream's version is its representation's entity tag: <c>ETag: "7"</c> on what a client reads,
/// <c>If-Match: "7"</c> on what it changes, so an update made from a stale read fails with 412
/// instead of silently overwriting.
/// </summary>
public static class StreamVersions
{
    /// <summary>
    /// The version the client last saw, from <c>If-Match</c>: the expected version to append with.
    /// Missing: 428 <c>request.if_match_required</c>; not one strong tag of a version ≥ 1: 400 <c>request.if_match_invalid</c>.
    /// </summary>
    public static long ExpectedVersion(this HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            throw new RequestRejectedException(
                StatusCodes.Status428PreconditionRequired,
                ProblemCodes.IfMatchRequired,
                "Send If-Match with the ETag you last read, so a change made since then is not overwritten.");
        }

        if (EntityTagHeaderValue.TryParseStrictList(values, out var tags)
            && tags is [{ IsWeak: false, Tag.Length: > 2 } tag]
            && long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version >= 1)
        {
            return version;
        }

        throw new RequestRejectedException(
            StatusCodes.Status400BadRequest,
            ProblemCodes.IfMatchInvalid,
            "If-Match must be exactly one ETag as this API sent it, e.g. \"3\".");
    }

    /// <summary>Sets <c>ETag</c> to the stream version the response reflects (after a load or an append).</summary>
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETag(version);

    internal static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
