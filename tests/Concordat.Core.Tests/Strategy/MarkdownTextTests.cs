using Concordat.Core.Strategy;

namespace Concordat.Core.Tests.Strategy;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<https://example.com>", "&lt;https://example.com&gt;")]
    [InlineData("A&E four-hour performance", "A&E four-hour performance")]
    [InlineData("Health & care", "Health & care")]
    [InlineData("&lt;script&gt; and &#60; and &#x3C;", "&amp;lt;script&amp;gt; and &amp;\\#60; and &amp;\\#x3C;")]
    [InlineData("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))")]
    [InlineData("**bold** _it_ `code` ~~gone~~ a|b \\", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ a\\|b \\\\")]
    [InlineData("# Not a heading", "\\# Not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("+ not a list", "\\+ not a list")]
    [InlineData("2026. A year", "2026\\. A year")]
    [InlineData("1) first", "1\\) first")]
    [InlineData("Fewer falls in 2026. Really", "Fewer falls in 2026. Really")]
    [InlineData("first line\n\n# second\r\n- third", "first line  \\# second - third")]
    [InlineData("well-being", "well-being")]
    [InlineData("-5 degrees", "-5 degrees")]
    [InlineData("--- rule", "\\--- rule")]
    [InlineData("71.1% (March 2019)", "71.1% (March 2019)")]
    [InlineData("2026.", "2026\\.")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_LeavesTextAsWrittenButInert(string? text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));
}
