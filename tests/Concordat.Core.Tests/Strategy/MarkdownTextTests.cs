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

    [Theory]
    [InlineData("Our vision<script>alert(1)</script> for all", "Our vision for all")]
    [InlineData("<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>Kept", "Kept")]
    [InlineData("Before<script>never closed", "Before")]
    [InlineData("<scr<script>x</script>ipt>alert(1)</script>Words", "alert(1)Words")]
    [InlineData("<style>p{}</style><p onclick=\"x()\">A <b>bold</b> plan</p>", "A bold plan")]
    [InlineData("<img src=x onerror=alert(1)>Picture", "Picture")]
    [InlineData("a <!-- hidden --> b", "a  b")]
    [InlineData("[click](javascript:alert(1)) and ![img](data:image/png;base64,AAAA)", "click and img")]
    [InlineData("[plan](JavaScript :alert(1))", "plan")]
    [InlineData("<javascript:alert(1)>", "")]
    [InlineData("[The plan](https://example.org/plan) stays", "[The plan](https://example.org/plan) stays")]
    [InlineData("# Workforce\r\n\r\n- one\n- two", "# Workforce\n\n- one\n- two")]
    [InlineData("Waits of < 4 weeks and > 2 days; A&E", "Waits of < 4 weeks and > 2 days; A&E")]
    [InlineData("  padded  ", "padded")]
    [InlineData(null, null)]
    public void Sanitise_KeepsMarkdownAndRemovesWhatCouldRun(string? markdown, string? expected) =>
        Assert.Equal(expected, MarkdownText.Sanitise(markdown));

    [Fact]
    public void Nested_MovesHeadingsUnderTheDocumentsOwn()
    {
        Assert.Equal("### Workforce\ntext # not a heading\n#### Digital\n#hashtag", MarkdownText.Nested("# Workforce\ntext # not a heading\n## Digital\n#hashtag"));
    }
}
