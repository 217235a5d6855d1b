using System.Globalization;

namespace Grants.Payments.Sanctions;

/// <summary>
/// Configuration section <c>Sanctions</c>: the match threshold, and where the lists come from: a
/// file path read at start (<c>UnPath</c>, <c>EuPath</c>) and/or a URL refreshed daily at
/// <c>RefreshAtUtc</c> (<c>UnUrl</c>, <c>EuUrl</c>). Invalid values stop the service at start.
/// </summary>
public sealed record SanctionsSettings
{
    public const double DefaultThreshold = 0.85;

    public double MatchThreshold { get; init; } = DefaultThreshold;

    public IReadOnlyDictionary<string, string> Paths { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, Uri> Urls { get; init; } = new Dictionary<string, Uri>();

    public TimeOnly RefreshAtUtc { get; init; } = new(4, 30);

    public long MaxListBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Relative paths are read from <paramref name="contentRoot"/>, the service's folder, whatever the working directory.</summary>
    public static SanctionsSettings From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Sanctions");
        var settings = new SanctionsSettings();
        if (section["MatchThreshold"] is { Length: > 0 } threshold)
        {
            settings = settings with
            {
                MatchThreshold = double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0.5 and <= 1
                    ? value
                    : throw new InvalidOperationException($"Sanctions:MatchThreshold must be a number above 0.5 and at most 1, not '{threshold}'."),
            };
        }

        if (section["RefreshAtUtc"] is { Length: > 0 } refresh)
        {
            settings = settings with
            {
                RefreshAtUtc = TimeOnly.TryParse(refresh, CultureInfo.InvariantCulture, out var at)
                    ? at
                    : throw new InvalidOperationException($"Sanctions:RefreshAtUtc must be a time of day such as 04:30, not '{refresh}'."),
            };
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var source in new[] { Lists.ListFile.Un, Lists.ListFile.Eu })
        {
            var prefix = source[0] + source[1..].ToLowerInvariant();
            if (section[$"{prefix}Path"] is { Length: > 0 } path)
            {
                paths[source] = Path.GetFullPath(path, contentRoot);
            }

            if (section[$"{prefix}Url"] is { Length: > 0 } url)
            {
                urls[source] = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                    ? uri
                    : throw new InvalidOperationException($"Sanctions:{prefix}Url must be an http(s) URL, not '{url}'.");
            }
        }

        return settings with { Paths = paths, Urls = urls };
    }
}
