using Concordat.NhsUk.Tests.Support;
using Xunit.Sdk;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>The conformance suite is only as strict as its comparer, so the comparer is tested too.</summary>
public sealed class MarkupAssertTests
{
    private const string Reference = """
        <div class="a b" id="x">
          <span class="nhsuk-u-visually-hidden">Error: </span>Enter a name
          <input type="text" disabled>
        </div>
        """;

    [Fact]
    public void Equivalent_IgnoresWhitespaceAttributeOrderAndClassOrder() =>
        MarkupAssert.Equivalent(
            Reference,
            """<div id="x" class="b a"><span class="nhsuk-u-visually-hidden">Error: </span>Enter   a name<input disabled type="text"></div>""");

    [Theory]
    [InlineData("""<div class="a" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text" disabled></div>""")]
    [InlineData("""<div class="a b c" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text" disabled></div>""")]
    [InlineData("""<div class="a b" id="y"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text" disabled></div>""")]
    [InlineData("""<div class="a b" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text"></div>""")]
    [InlineData("""<div class="a b" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text" disabled aria-describedby="z"></div>""")]
    [InlineData("""<div class="a b" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter your name<input type="text" disabled></div>""")]
    [InlineData("""<div class="a b" id="x">Enter a name<input type="text" disabled></div>""")]
    [InlineData("""<div class="a b" id="x"><input type="text" disabled><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name</div>""")]
    [InlineData("""<section class="a b" id="x"><span class="nhsuk-u-visually-hidden">Error: </span>Enter a name<input type="text" disabled></section>""")]
    public void Equivalent_FailsOnAnyStructuralDifference(string different) =>
        Assert.Throws<EqualException>(() => MarkupAssert.Equivalent(Reference, different));
}
