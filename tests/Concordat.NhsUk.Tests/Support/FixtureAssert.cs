using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>Renders a tag helper configured like a fixture and compares it with the fixture's HTML.</summary>
internal static class FixtureAssert
{
    /// <summary>
    /// For form components: binds <paramref name="tagHelper"/> to a <see cref="FixtureForm"/> property under the
    /// fixture's field <paramref name="name"/>, puts <paramref name="error"/> into ModelState for that name (errors
    /// only ever come from ModelState), renders and compares.
    /// </summary>
    public static async Task FieldMatchesAsync(
        DesignSystemFixture fixture,
        NhsFieldTagHelperBase tagHelper,
        string tagName,
        string name = "example",
        string? error = null,
        FixtureForm? model = null,
        TagHelperAttributeList? attributes = null)
    {
        var view = new TestView<FixtureForm>(model ?? new FixtureForm());
        if (error is not null)
        {
            view.WithError(name, error);
        }

        tagHelper.ViewContext = view.ViewContext;
        tagHelper.For = tagHelper is NhsCheckboxesTagHelper ? view.For(m => m.Values) : view.For(m => m.Value);
        tagHelper.Name = name;

        var html = await TagHelperHarness.RenderAsync(tagHelper, tagName, attributes: attributes);

        MarkupAssert.Equivalent(fixture.Html, html);
    }

    public static async Task MatchesAsync(
        DesignSystemFixture fixture,
        TagHelper tagHelper,
        string tagName,
        Microsoft.AspNetCore.Html.IHtmlContent? content = null,
        TagHelperAttributeList? attributes = null)
    {
        var html = await TagHelperHarness.RenderAsync(tagHelper, tagName, content, attributes);
        MarkupAssert.Equivalent(fixture.Html, html);
    }
}
