using Concordat.Core.Strategy;

namespace Concordat.Core.Tests.Strategy;

/// <summary>The strategy document's words: what a board paper made from it says, sentence by sentence.</summary>
public sealed class StrategyDocumentTests
{
    private static readonly DocumentChangeIdea BloodPressureChecks = new("Blood pressure checks in libraries", "Library and leisure centre staff",
        "Offer a blood pressure check, and refer anyone with a raised reading to their practice.",
        ["Physical capability: Staff have not been trained to take a reading or to know what to do with a high one.",
            "Reflective motivation: Staff see health checks as the NHS's job, without funding or clinical backing."],
        "training, enablement", "guidelines, service provision", []);

    private static DocumentGoal Goal(string status, string agreement, DocumentChangeIdea idea, DocumentMeasure measure) => new(Guid.NewGuid(),
        "Earlier detection of hypertension", "By March 2028, 80% of adults with hypertension are treated to target.", "Adults in Eastvale", "Eastvale",
        status, agreement, "Eastvale GP Federation", new DateOnly(2028, 3, 31),
        [new DocumentDriver("People with high blood pressure are found", [new DocumentSecondary("Checks are offered where people already go", [idea.Title])])],
        [idea], [new DocumentContribution(Guid.NewGuid(), "Eastvale Borough Council", "Train venue staff to take readings", "Agreed", ["2 data sets of Case records"])],
        [measure], 8, 12, 0);

    private static readonly DocumentMeasure Stale = new(Guid.NewGuid(), "A&E four-hour performance", "71.1%", new DateOnly(2019, 3, 1), "concern_low", null,
        "Special cause concern (low values)", IsStale: true, IsProvisional: false);

    [Fact]
    public void BehaviourInWords_CarriesWhatTheyMustDoOnInsideOneSentence() =>
        Assert.Equal("Whose behaviour: Library and leisure centre staff, who must offer a blood pressure check, and refer anyone with a raised reading to their practice.",
            BloodPressureChecks.BehaviourInWords());

    [Fact]
    public void BehaviourInWords_SaysWhenNoOneIsNamed() =>
        Assert.Equal("Whose behaviour: not named.", (BloodPressureChecks with { WhoseBehaviour = null, WhatDifferently = null }).BehaviourInWords());

    [Theory]
    [InlineData("Agreed", "Agreed", "Agreed")]
    [InlineData("Draft", "Not yet proposed", "Draft (not yet proposed)")]
    [InlineData("Proposed", "Adoption round open: 3 of 5 responded", "Proposed (adoption round open: 3 of 5 responded)")]
    public void AgreementInWords_SaysTheStatusOnce(string status, string agreement, string expected) =>
        Assert.Equal(expected, DocumentGoal.AgreementInWords(status, agreement));

    [Fact]
    public void ReadingInWords_IsWholeSentences()
    {
        Assert.Equal("Special cause concern (low values). Data out of date.", Stale.ReadingInWords());
        Assert.Equal("Common cause variation.", (Stale with { Reading = "Common cause variation", IsStale = false }).ReadingInWords());
        Assert.Equal("", (Stale with { Reading = null, IsStale = false }).ReadingInWords());
    }

    [Fact]
    public void ToMarkdown_ShowsPeoplesHtmlAndMarkdownAsText()
    {
        var idea = BloodPressureChecks with { Title = "<img src=x onerror=alert(1)>", Lacking = ["[Physical](javascript:alert(1)): none"] };
        var goal = Goal("Agreed", "Agreed", idea, Stale) with { Title = "<script>alert(1)</script>", Outcome = "Fewer falls\n\n<iframe src=//evil.example>" };
        var document = new StrategyDocument("<b>Northshire</b>", new DateTime(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc), [goal], [], []);

        var markdown = document.ToMarkdown();
        var comparison = StrategyComparison.Between("Version 1", document with { Goals = [goal with { Title = "Falls" }] }, "today", document).ToMarkdown();

        Assert.Contains("# &lt;b&gt;Northshire&lt;/b&gt;: our shared strategy", markdown, StringComparison.Ordinal);
        Assert.Contains("## &lt;script&gt;alert(1)&lt;/script&gt;\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("**Outcome:** Fewer falls  &lt;iframe src=//evil.example&gt;\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("    - Change idea: &lt;img src=x onerror=alert(1)&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("**&lt;img src=x onerror=alert(1)&gt;.**", markdown, StringComparison.Ordinal);
        Assert.Contains("- \\[Physical\\](javascript:alert(1)): none.", markdown, StringComparison.Ordinal);
        Assert.Contains("### Changed: &lt;script&gt;alert(1)&lt;/script&gt;", comparison, StringComparison.Ordinal);
        Assert.Contains("**&lt;script&gt;alert(1)&lt;/script&gt;**", comparison, StringComparison.Ordinal);
        foreach (var text in new[] { markdown, comparison })
        {
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
            Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToMarkdown_ReadsAsABoardPaper()
    {
        var document = new StrategyDocument("Eastvale ICS", new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc),
            [Goal("Agreed", "Agreed", BloodPressureChecks, Stale)], [new DocumentResource("Information", "data set", 2, 1, 1)],
            [new DocumentFund("Northshire Better Care Fund 2026/27", "2026/27", 2_100_000_000, 2_050_000_000)]);

        var markdown = document.ToMarkdown();

        Assert.Contains("Generated from Concordat on 6 December 2026. 1 shared goal.", markdown, StringComparison.Ordinal);
        Assert.Contains("- Lead: Eastvale GP Federation, by 31 March 2028", markdown, StringComparison.Ordinal);
        Assert.Contains("- Agreement: Agreed\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("**Blood pressure checks in libraries.** Whose behaviour: Library and leisure centre staff, who must offer a blood pressure check, " +
            "and refer anyone with a raised reading to their practice. Functions: training, enablement. Levers: guidelines, service provision.", markdown, StringComparison.Ordinal);
        Assert.Contains("What is lacking:\n\n- Physical capability: Staff have not been trained to take a reading or to know what to do with a high one.\n" +
            "- Reflective motivation: Staff see health checks as the NHS's job, without funding or clinical backing.\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- **Eastvale Borough Council** (agreed): Train venue staff to take readings. Resources: 2 data sets of Case records.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **A&E four-hour performance**: 71.1% (March 2019). Special cause concern (low values). Data out of date.", markdown, StringComparison.Ordinal);
        Assert.Contains("| Information (data set) | 2 data sets | 1 data set | 1 data set |", markdown, StringComparison.Ordinal);
        Assert.Contains("Northshire Better Care Fund 2026/27: £21,000,000 paid in by partners, £20,500,000 allocated to schemes.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("..", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", markdown, StringComparison.Ordinal);
    }
}
