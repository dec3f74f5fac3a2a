using Concordat.Core.Access;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Api;

/// <summary>
/// The page of a list that a client asks for. Every list of the API is paged the same way: the body stays a plain
/// JSON array (so clients that read the array keep working), <c>X-Total-Count</c> says how many items there are in all,
/// and <c>Link</c> (RFC 8288) gives the first, previous, next and last pages.
/// </summary>
public sealed class PageQuery
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>The page to read, counting from 1 (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Items on a page, from 1 to 200 (default 50).</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    private int Number => Page ?? 1;

    private int Size => PageSize ?? DefaultSize;

    /// <summary>Refuses a page or size out of range, naming the parameter; before any work is done.</summary>
    public void Validate()
    {
        if (Number < 1)
        {
            throw new InputInvalidException("page", "Ask for page 1 or later.");
        }
        if (Size is < 1 or > MaxSize)
        {
            throw new InputInvalidException("pageSize", $"Ask for between 1 and {MaxSize} items on a page.");
        }
    }

    /// <summary>The page of a list already built in memory (a list whose items each need work across several queries).</summary>
    public List<T> Of<T>(HttpContext context, IReadOnlyList<T> items)
    {
        Validate();
        Describe(context, items.Count);
        return [.. items.Skip((Number - 1) * Size).Take(Size)];
    }

    /// <summary>The page of a list already built in memory, each item then made into its response.</summary>
    public List<TOut> Of<TIn, TOut>(HttpContext context, IReadOnlyList<TIn> items, Func<TIn, TOut> respond)
    {
        Validate();
        Describe(context, items.Count);
        return [.. items.Skip((Number - 1) * Size).Take(Size).Select(respond)];
    }

    private void Describe(HttpContext context, int total)
    {
        var last = Math.Max(1, (total + Size - 1) / Size);
        var links = new List<string> { Link(context, 1, "first") };
        if (Number > 1)
        {
            links.Add(Link(context, Math.Min(Number - 1, last), "prev"));
        }
        if (Number < last)
        {
            links.Add(Link(context, Number + 1, "next"));
        }
        links.Add(Link(context, last, "last"));
        context.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.Append("Link", string.Join(", ", links));
    }

    private string Link(HttpContext context, int page, string rel)
    {
        var request = context.Request;
        var query = new QueryBuilder(request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "pageSize", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "pageSize", Size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return $"<{UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString())}>; rel=\"{rel}\"";
    }
}
