using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Concordat.Cli.Spc;

/// <summary>
/// A <c>period,value</c> series read from CSV. A header row is optional; an empty value (or NA) is missing. When every
/// period is an ISO date (yyyy-MM-dd) the rows are put in date order and labelled "Apr 2018"; otherwise they keep
/// file order and their own labels. Duplicate periods are an error, as the method requires.
/// </summary>
internal sealed record PeriodValueCsv(ImmutableArray<string> Periods, ImmutableArray<DateOnly>? Dates, double?[] Values)
{
    /// <exception cref="SpcInputException">The CSV is not a valid period,value series.</exception>
    public static PeriodValueCsv Read(TextReader reader, string source)
    {
        var rows = new List<(string Period, double? Value, int Line)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitFields(line, source, lineNumber);
            if (fields.Count != 2)
            {
                throw new SpcInputException($"{source} line {lineNumber}: expected 2 fields (period,value), found {fields.Count}.");
            }

            var (period, text) = (fields[0].Trim(), fields[1].Trim());
            if (IsMissing(text))
            {
                rows.Add((period, null, lineNumber));
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                rows.Add((period, value, lineNumber));
            }
            else if (rows.Count == 0 && lineNumber == 1)
            {
                continue; // a header row: its value column is a name, not a number
            }
            else
            {
                throw new SpcInputException($"{source} line {lineNumber}: value \"{text}\" is not a number (leave it empty if missing).");
            }

            if (period.Length == 0)
            {
                throw new SpcInputException($"{source} line {lineNumber}: the period is empty.");
            }
        }

        if (rows.Count == 0)
        {
            throw new SpcInputException($"{source} has no rows; expected period,value lines.");
        }

        var duplicate = rows.GroupBy(r => r.Period, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SpcInputException($"{source} line {duplicate.Skip(1).First().Line}: period \"{duplicate.Key}\" appears twice.");
        }

        var dates = rows.Select(r => DateOnly.TryParseExact(r.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null).ToArray();
        if (dates.All(d => d is not null))
        {
            var ordered = rows.Zip(dates, (row, date) => (row.Value, Date: date!.Value)).OrderBy(r => r.Date).ToArray();
            var sortedDates = ordered.Select(r => r.Date).ToImmutableArray();
            return new PeriodValueCsv(Concordat.Spc.SpcLabels.FormatPeriods(sortedDates), sortedDates, [.. ordered.Select(r => r.Value)]);
        }

        return new PeriodValueCsv([.. rows.Select(r => r.Period)], null, [.. rows.Select(r => r.Value)]);
    }

    /// <summary>The index of a period given on the command line: an ISO date when the periods are dates, else an exact label.</summary>
    public int IndexOf(string period)
    {
        if (Dates is { } dates && DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return dates.IndexOf(date);
        }

        return Periods.IndexOf(period);
    }

    private static bool IsMissing(string text) => text.Length == 0 || text is "NA" or "null";

    /// <summary>Splits one CSV line: commas separate fields, double quotes protect commas, "" is a quote.</summary>
    private static List<string> SplitFields(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new SpcInputException($"{source} line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
