using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Words;

/// <summary>The prose check's own rules, on the sentences that made them necessary and on sentences that are right.</summary>
public sealed class ProseCheckRulesTests
{
    [Theory]
    [InlineData("Staff have not been trained to know what to do with a high one.; reflective motivation: Staff see", "doubled punctuation")]
    [InlineData("without funding or clinical backing.. Carried by: no contribution yet.", "doubled punctuation")]
    [InlineData("Blood pressure checks are offered where people already go : Blood pressure checks in libraries", "space before punctuation")]
    [InlineData("agreed on 6 December 2026 after 1 revision(s)", "\"(s)\" instead of a plural")]
    [InlineData("Policy levers: now FiscalMeasures", "an identifier in PascalCase")]
    [InlineData("Public: was False → now True", "True or False")]
    [InlineData("Check-in: now On track, posted 2026-12-06", "an ISO date (yyyy-mm-dd)")]
    [InlineData("Horizon: For example, 2028-03-31", "an ISO date (yyyy-mm-dd)")]
    [InlineData("\"Reablement and discharge support\" is short by 500,000 £: what the goal needs", "a currency symbol after its number")]
    [InlineData("For example, A&amp;E four-hour performance", "markup shown as text")]
    public void EachRule_FindsTheMistakeItIsFor(string line, string rule) =>
        Assert.Contains(ProseCheck.Problems(line), p => p.StartsWith(rule + " (", StringComparison.Ordinal));

    [Theory]
    [InlineData("Reablement and discharge support is short by £500,000: what the goal needs is not yet committed.")]
    [InlineData("A&E four-hour performance (type 1): 71.1% (March 2019). Special cause concern (low values). Data out of date.")]
    [InlineData("Adoption, opened 6 December 2026 by Priya Shah: agreed on 6 December 2026 after 1 revision")]
    [InlineData("Public: was No → now Yes")]
    [InlineData("GPs and NHS England, the ICB's SPC chart... and more")]
    [InlineData("Next : Page 2 of 3")]
    [InlineData("Horizon: For example, 31 3 2028")]
    [InlineData("Trajectory (optional): one line per period with its start and the planned value, like 2026-04-01, 78")]
    [InlineData("Client generators and other tools can read the OpenAPI document these pages are made from.")]
    public void RightSentences_AndTheAllowedExceptions_Pass(string line) => Assert.Empty(ProseCheck.Problems(line));

    [Fact]
    public async Task VisibleText_DropsScriptsStylesAndAttributes_RunsInlineTextOn_AndReadsCodeAsOneWord()
    {
        var document = await PageClient.ParseAsync("""
            <html><head><title>Goal – Concordat</title><style>p { color: red }</style></head><body>
            <p title="FiscalMeasures"><strong>Northshire County Council</strong> (agreed): Start reablement.</p>
            <script>var shown = False;</script>
            <ul><li>Blood pressure checks are offered where people already go
                    : Blood pressure checks in libraries</li></ul>
            <textarea name="Input.Trajectory">2026-04-01, 78</textarea>
            <div hidden>True</div>
            <p>Send <code>ConsentWithConcerns</code> in the <code>position</code> field.</p>
            </body></html>
            """);

        var text = ProseCheck.VisibleText(document);

        Assert.Equal(["Goal – Concordat", "Northshire County Council (agreed): Start reablement.",
            "Blood pressure checks are offered where people already go : Blood pressure checks in libraries", "Send code in the code field."], text.Split('\n'));
    }

    [Fact]
    public void MarkdownText_ReadsTheWordsOfEmphasisListsAndTables()
    {
        var text = ProseCheck.MarkdownText("## Measures\n\n- **Eastvale Borough Council** (agreed): Train staff.\n\n| Kind | Idle |\n|---|---:|\n| Funding (£) | £1,700,000 |\n");

        Assert.Empty(ProseCheck.Problems(text));
        Assert.Contains("Eastvale Borough Council (agreed): Train staff.", text, StringComparison.Ordinal);
    }
}
