using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Grants.Hosting.Http;

/// <summary>
/// Which page of a list the client asks for, bound from <c>?page=&amp;pageSize=</c> by taking it as an
/// endpoint parameter. <c>page</c> ≥ 1 (default 1), <c>pageSize</c> 1..200 (default 50); anything
/// else is a 400 <c>request.invalid</c> naming the parameter.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    // Keeps Offset within an int whatever the page size.
    private const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>Rows to skip: the SQL <c>offset</c>.</summary>
    public int Offset => (Page - 1) * PageSize;

    public Paged<T> Of<T>(IReadOnlyList<T> items, long total) => new(items, Page, PageSize, total);

    public static ValueTask<PageRequest?> BindAsync(HttpContext context)
    {
        var validation = new Validation();
        var page = Read(context.Request.Query, "page", 1, validation);
        var pageSize = Read(context.Request.Query, "pageSize", DefaultPageSize, validation);
        validation
            .Range("page", page, 1, MaxPage)
            .Range("pageSize", pageSize, 1, MaxPageSize)
            .ThrowIfInvalid();
        return ValueTask.FromResult<PageRequest?>(new PageRequest(page!.Value, pageSize!.Value));
    }

    private static int? Read(IQueryCollection query, string name, int fallback, Validation validation)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        validation.Must(false, name, "must be a whole number.");
        return null;
    }
}
