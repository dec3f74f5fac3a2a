using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Areas;

/// <summary>
/// An area of the Office for National Statistics' geography (a region, an ICB, a sub-ICB location, a council's area),
/// so that a code like E10000003 can be shown by its name. Reference data shared by every system, not a tenant's.
/// </summary>
public sealed partial class Area
{
    public const int CodeLength = 9;
    public const int NameMaxLength = 200;

    /// <summary>The ONS code: the country's letter, the entity's two digits, then six digits; upper case.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public AreaType Type { get; set; }

    /// <summary>The code of the area it lies in (a sub-ICB location's ICB, a district's county), where known.</summary>
    public string? ParentCode { get; set; }

    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    /// <summary>How an area is named on a page: "Cambridgeshire (E10000003)", or the bare code when it is not in the list.</summary>
    public static string Describe(string code, string? name) => name is null ? code : $"{name} ({code})";

    [GeneratedRegex("^[EWSN][0-9]{8}$")]
    private static partial Regex CodePattern();
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(Area.CodeLength);
        builder.Property(a => a.Name).HasMaxLength(Area.NameMaxLength);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.ParentCode).HasMaxLength(Area.CodeLength);
    }
}
