using System.Globalization;

namespace Concordat.Core.Words;

/// <summary>
/// How Concordat writes numbers, money, percentages, dates, counts and yes-or-no answers for people to read: on
/// pages, in the strategy document and its Markdown, in the history, in messages and on the command line. One place,
/// so that a board paper never says "71.13 %" on one page and "71.1%" on the next. NHS content style throughout:
/// "£500,000", "71.1%", "6 December 2026", "1 revision", "2 data sets".
/// </summary>
/// <remarks>
/// What people type, files and exports (CSV, JSON, the API) keep their exact, invariant forms; this is only for
/// words. The names of enum values are each feature's <c>InWords()</c> extension, beside the enum.
/// </remarks>
public static class Prose
{
    /// <summary>British English: "£", "6 December 2026", a comma between thousands and a full stop before decimals.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A number as people write it: "15,994", "42.5", "0.25" (at most two decimal places, no trailing zeros).</summary>
    public static string Number(double value) => Tidy(value.ToString("#,##0.##", English));

    /// <summary>
    /// A number with every decimal place it has, for a record that must keep the exact value (the history of a
    /// corrected value): "86.4615", "1,001".
    /// </summary>
    public static string ExactNumber(double value) => Tidy(value.ToString("#,##0.###############", English));

    /// <summary>A whole number with its thousands separated: "100,000".</summary>
    public static string Number(long value) => value.ToString("#,##0", English);

    /// <summary>A percentage to one decimal place, with no space before the sign: "71.1%", "95.0%".</summary>
    public static string Percent(double value) => Tidy(value.ToString("#,##0.0", English)) + "%";

    /// <summary>
    /// Money held in whole pence, in pounds: "£500,000" for a whole number of pounds, "£1,250,000.50" otherwise
    /// (never "£1,250,000.5"), and "-£20" below zero.
    /// </summary>
    public static string Pounds(long pence)
    {
        var pounds = Math.Abs(pence / 100m);
        var text = pounds.ToString(pence % 100 == 0 ? "£#,##0" : "£#,##0.00", English);
        return pence < 0 ? "-" + text : text;
    }

    /// <summary>Money counted in pounds (a resource measured in £), to the nearest penny.</summary>
    public static string Pounds(double pounds) => Pounds((long)Math.Round(pounds * 100, MidpointRounding.AwayFromZero));

    /// <summary>
    /// A quantity in its unit: pounds for "£" ("£2,400,000"), a percentage for "%" ("71.1%"), otherwise the number and
    /// the unit, made plural where the unit is a countable noun ("2 data sets", "1 data set", "12 WTE", "400 hours a week").
    /// </summary>
    public static string Amount(double quantity, string unit) => unit.Trim() switch
    {
        "£" => Pounds(quantity),
        "%" => Percent(quantity),
        "" => Number(quantity),
        var u => $"{Number(quantity)} {(quantity == 1 ? u : PluralUnit(u))}",
    };

    /// <summary>A count of something: "1 revision", "2 revisions", "0 changes"; <paramref name="plural"/> where English is irregular.</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{Number(count)} {(count == 1 ? singular : plural ?? Plural(singular))}";

    /// <summary>The plural of a noun or a noun phrase whose last word is the noun: "data set" → "data sets", "body" → "bodies".</summary>
    public static string Plural(string singular)
    {
        var space = singular.LastIndexOf(' ');
        return singular[..(space + 1)] + PluralWord(singular[(space + 1)..]);
    }

    /// <summary>A calendar date: "6 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>The UK calendar date of a UTC moment (an event at 11:30pm UTC on a summer night is the next day in England).</summary>
    public static string Date(DateTime utc) => ToUk(utc).ToString("d MMMM yyyy", English);

    /// <summary>A UTC moment as UK time: "6 December 2026 at 2:30pm".</summary>
    public static string DateAndTime(DateTime utc)
    {
        var local = ToUk(utc);
        return local.ToString("d MMMM yyyy", English) + " at " + local.ToString("h:mmtt", English).ToLowerInvariant();
    }

    /// <summary>A month, for a period that starts on its first day: "March 2019".</summary>
    public static string Month(DateOnly start) => start.ToString("MMMM yyyy", English);

    /// <summary>From one date to another, both included: "6 December 2026 to 5 December 2027".</summary>
    public static string Dates(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";

    /// <summary>A yes-or-no answer, never "True" or "False".</summary>
    public static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>Items as a sentence lists them: "a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    /// <summary>
    /// Text that people wrote as a sentence, ending with one full stop (or their own question or exclamation mark):
    /// "what it can manage." stays as it is; "Common cause variation" becomes "Common cause variation.".
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '?' or '!' ? trimmed : trimmed + ".";
    }

    /// <summary>
    /// Text that people wrote as a sentence, to be carried on inside another: its own closing full stop removed, and a
    /// capital at its start made small unless it begins a name or an abbreviation ("Offer a check." → "offer a check",
    /// "GPs refer" and "NHS England" stay).
    /// </summary>
    public static string Clause(string text)
    {
        var trimmed = text.Trim().TrimEnd('.').TrimEnd();
        if (trimmed.Length < 2 || !char.IsUpper(trimmed[0]))
        {
            return trimmed;
        }
        var firstWord = trimmed.Split(' ', 2)[0];
        var looksLikeAName = firstWord.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c)) || firstWord.Length == 1 && firstWord != "A";
        return looksLikeAName ? trimmed : char.ToLower(trimmed[0], English) + trimmed[1..];
    }

    private static string PluralUnit(string unit)
    {
        // "hours a week", "beds per 1,000": the noun is the word before "a" or "per".
        var words = unit.Split(' ');
        var joiner = Array.FindIndex(words, w => w is "a" or "an" or "per" or "of");
        var noun = joiner > 0 ? joiner - 1 : words.Length - 1;
        if (joiner == 0 || !words[noun].All(char.IsLower))
        {
            // A symbol or an abbreviation (m², WTE) or a unit that starts with "per": the same for any quantity.
            return unit;
        }
        words[noun] = PluralWord(words[noun]);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> SameInThePlural = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "people", "equipment", "funding", "information", "data", "capacity", "time", "space", "sq", "ft",
    };

    private static string PluralWord(string word) => word switch
    {
        _ when word.Length == 0 || SameInThePlural.Contains(word) || !word.All(char.IsLetter) => word,
        _ when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word,
        _ when word.EndsWith('y') && word.Length > 1 && !"aeiou".Contains(word[^2], StringComparison.Ordinal) => word[..^1] + "ies",
        _ when word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith('x') || word.EndsWith('z') => word + "es",
        _ => word + "s",
    };

    // "-0" is what .NET writes for a small negative number rounded to nothing.
    private static string Tidy(string number) => number is "-0" or "-0.0" ? number[1..] : number;

    private static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
}
