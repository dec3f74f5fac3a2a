using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Concordat.Cli.Stats;

/// <summary>
/// <c>concordat stats batch</c>: one JSON array of cases in, one JSON array of results out. Input that is not a JSON
/// array stops the batch (exit 2); a case that cannot be computed gives an error result and the others still run,
/// because one bad row in an indicator extract should not hide the rest.
/// </summary>
internal static class StatsBatchCommand
{
    public const int BadInput = 2;

    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var json = input.ReadToEnd();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            error.WriteLine($"error: the input is not valid JSON{where}; expected one JSON array of cases.");
            return BadInput;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error.WriteLine($"error: expected a JSON array of cases, got {StatsCase.Describe(document.RootElement)}.");
                return BadInput;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    StatsCase.Compute(element, $"case {index}", writer);
                    index++;
                }

                writer.WriteEndArray();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            return 0;
        }
    }
}
