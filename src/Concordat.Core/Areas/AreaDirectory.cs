using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Areas;

/// <summary>Looks up ONS areas by code; anyone may read them, as they are public reference data.</summary>
public sealed class AreaDirectory(ConcordatDb db)
{
    /// <summary>The names of those of <paramref name="codes"/> that are in the list, in one query.</summary>
    public async Task<AreaNames> NamesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return AreaNames.None;
        }
        var names = await db.Areas.AsNoTracking().Where(a => wanted.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, ct);
        return new AreaNames(names);
    }
}
