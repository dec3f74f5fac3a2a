using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>How the form components read name, id, value and errors from the <c>for</c> expression and ModelState.</summary>
public sealed class FormFieldBindingTests
{
    [Fact]
    public async Task Input_ForExpression_UsesFullNameAndSanitizedId()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var input = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Name), "input");

        Assert.Equal("Input.Name", input.GetAttribute("name"));
        Assert.Equal("Input_Name", input.Id);
    }

    [Fact]
    public async Task Input_Label_PointsAtTheInput()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var label = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Name), "label");

        Assert.Equal("Input_Name", label.GetAttribute("for"));
    }

    [Fact]
    public async Task Input_HtmlFieldPrefix_IsPartOfNameAndId()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        view.ViewData.TemplateInfo.HtmlFieldPrefix = "Step2";

        var input = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Name), "input");

        Assert.Equal("Step2.Input.Name", input.GetAttribute("name"));
        Assert.Equal("Step2_Input_Name", input.Id);
    }

    [Fact]
    public async Task Input_Value_ComesFromModel_WhenNothingWasPosted()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Name = "Leeds Teaching Hospitals" } });

        var input = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Name), "input");

        Assert.Equal("Leeds Teaching Hospitals", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_Value_PrefersAttemptedValue_OverModelValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Email = "old@nhs.net" } })
            .Posted("Input.Email", "not-an-email")
            .WithError("Input.Email", "Enter an email address in the correct format, like name@nhs.net");

        var input = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Email), "input");

        Assert.Equal("not-an-email", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_WithoutValueAnywhere_HasNoValueAttribute()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var input = await Html.QueryAsync(await RenderInputAsync(view, m => m.Input.Name), "input");

        Assert.False(input.HasAttribute("value"));
    }

    [Fact]
    public async Task Input_Password_NeverEchoesAttemptedOrModelValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Password = "model-secret" } })
            .Posted("Input.Password", "posted-secret")
            .WithError("Input.Password", "Enter a password");

        var html = await RenderInputAsync(view, m => m.Input.Password, input => input.Type = "password");

        var element = await Html.QueryAsync(html, "input");
        Assert.Equal("password", element.GetAttribute("type"));
        Assert.False(element.HasAttribute("value"));
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_Password_TypeIsCaseInsensitive()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Password = "model-secret" } });

        var html = await RenderInputAsync(view, m => m.Input.Password, input => input.Type = "Password");

        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_Error_RendersVisuallyHiddenPrefixAndErrorClasses()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage()).WithError("Input.Name", "Enter your organisation name");

        var html = await RenderInputAsync(view, m => m.Input.Name);

        Assert.Contains(
            """<span class="nhsuk-error-message" id="Input_Name-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter your organisation name</span>""",
            html,
            StringComparison.Ordinal);
        Assert.Contains("nhsuk-form-group--error", (await Html.QueryAsync(html, "div")).ClassName, StringComparison.Ordinal);
        Assert.Contains("nhsuk-input--error", (await Html.QueryAsync(html, "input")).ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_ShowsOnlyTheFirstErrorForAField()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Name", "Enter your organisation name")
            .WithError("Input.Name", "Organisation name must be 100 characters or fewer");

        var html = await RenderInputAsync(view, m => m.Input.Name);

        Assert.Contains("Enter your organisation name", html, StringComparison.Ordinal);
        Assert.DoesNotContain("100 characters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_ExceptionOnlyError_ShowsFallbackMessage_NotTheExceptionText()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        view.ModelState.AddModelError("Input.Name", new InvalidOperationException("internal parser detail"), new EmptyModelMetadataProvider().GetMetadataForType(typeof(string)));

        var html = await RenderInputAsync(view, m => m.Input.Name);

        Assert.Contains("Enter a valid value", html, StringComparison.Ordinal);
        Assert.DoesNotContain("internal parser detail", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, "Input_Name-hint")]
    [InlineData(false, true, "Input_Name-error")]
    [InlineData(true, true, "Input_Name-hint Input_Name-error")]
    public async Task Input_AriaDescribedBy_ListsHintThenError(bool hasHint, bool hasError, string? expected)
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        if (hasError)
        {
            view.WithError("Input.Name", "Enter your organisation name");
        }

        var html = await RenderInputAsync(view, m => m.Input.Name, input => input.Hint = hasHint ? "As registered with the CQC" : null);

        Assert.Equal(expected, (await Html.QueryAsync(html, "input")).GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Textarea_Value_PrefersAttemptedValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Notes = "model notes" } })
            .Posted("Input.Notes", "posted notes");

        var textarea = await Html.QueryAsync(
            await TagHelperHarness.RenderAsync(
                new NhsTextareaTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.Notes), Label = "Notes" }, "nhs-textarea"),
            "textarea");

        Assert.Equal("posted notes", textarea.TextContent);
        Assert.Equal("Input_Notes", textarea.Id);
    }

    [Fact]
    public async Task Select_SelectsTheAttemptedValue_AndIgnoresItemSelected()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Region = "london" } }).Posted("Input.Region", "leeds");

        var html = await RenderSelectAsync(view, [new("London", "london", selected: true), new("Leeds", "leeds")]);

        Assert.Equal(["leeds"], await Html.SelectedValuesAsync(html, "option[selected]"));
    }

    [Fact]
    public async Task Select_SelectsTheModelValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Region = "london" } });

        var html = await RenderSelectAsync(view, [new("Leeds", "leeds"), new("London", "london")]);

        Assert.Equal(["london"], await Html.SelectedValuesAsync(html, "option[selected]"));
    }

    [Fact]
    public async Task Select_UsesItemSelected_WhenTheFieldHasNoValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var html = await RenderSelectAsync(view, [new("Leeds", "leeds"), new("London", "london", selected: true)]);

        Assert.Equal(["london"], await Html.SelectedValuesAsync(html, "option[selected]"));
    }

    [Fact]
    public async Task Checkboxes_CheckEveryAttemptedValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Contact = ["post"] } })
            .Posted("Input.Contact", "email", "text");

        var html = await RenderCheckboxesAsync(view);

        Assert.Equal(["email", "text"], await Html.SelectedValuesAsync(html, "input[checked]"));
    }

    [Fact]
    public async Task Checkboxes_CheckModelCollectionValues()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Contact = ["phone", "post"] } });

        var html = await RenderCheckboxesAsync(view);

        Assert.Equal(["phone", "post"], await Html.SelectedValuesAsync(html, "input[checked]"));
    }

    [Theory]
    [InlineData(true, new[] { "true" })]
    [InlineData(false, new string[0])]
    public async Task ASingleCheckbox_BoundToABoolean_IsCheckedWhenTheModelIsTrue(bool accepts, string[] checkedValues)
    {
        // Checkbox values are written "true", as MVC writes and binds them; the model's true must match that.
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { AcceptsTerms = accepts } });

        var html = await TagHelperHarness.RenderAsync(
            new NhsCheckboxesTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.AcceptsTerms), Legend = "Terms", Items = [new("I accept the terms", "true")],
            },
            "nhs-checkboxes");

        Assert.Equal(checkedValues, await Html.SelectedValuesAsync(html, "input[checked]"));
    }

    [Fact]
    public async Task Checkboxes_ItemIds_StartWithTheFieldIdSoErrorLinksLandOnTheFirstOption()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var document = await Html.ParseAsync(await RenderCheckboxesAsync(view));

        Assert.Equal(
            ["Input_Contact", "Input_Contact-2", "Input_Contact-3", "Input_Contact-4"],
            document.QuerySelectorAll("input").Select(i => i.Id!));
        Assert.All(document.QuerySelectorAll("input"), i => Assert.Equal("Input.Contact", i.GetAttribute("name")));
    }

    [Fact]
    public async Task Radios_CheckTheAttemptedValue_OverTheModelValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Answer = "no" } }).Posted("Input.Answer", "yes");

        var html = await TagHelperHarness.RenderAsync(
            new NhsRadiosTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.Answer), Legend = "Are you 18 or over?",
                Items = [new("Yes", "yes"), new("No", "no")],
            },
            "nhs-radios");

        Assert.Equal(["yes"], await Html.SelectedValuesAsync(html, "input[checked]"));
    }

    [Fact]
    public Task Input_WithoutLabel_Throws()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        return Assert.ThrowsAsync<InvalidOperationException>(() =>
            RenderInputAsync(view, m => m.Input.Name, input => input.Label = null));
    }

    [Fact]
    public Task Input_WithoutForOrName_Throws()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        return Assert.ThrowsAsync<InvalidOperationException>(() =>
            TagHelperHarness.RenderAsync(new NhsInputTagHelper { ViewContext = view.ViewContext, Label = "Name" }, "nhs-input"));
    }

    [Theory]
    [InlineData(7, null)]
    [InlineData(null, "xxl")]
    public Task Input_UnsupportedWidthOrLabelSize_Throws(int? width, string? labelSize)
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        return Assert.ThrowsAsync<InvalidOperationException>(() =>
            RenderInputAsync(view, m => m.Input.Name, input =>
            {
                input.Width = width;
                input.LabelSize = labelSize;
            }));
    }

    private static Task<string> RenderInputAsync(
        TestView<RegistrationPage> view,
        System.Linq.Expressions.Expression<Func<RegistrationPage, string?>> expression,
        Action<NhsInputTagHelper>? configure = null)
    {
        var input = new NhsInputTagHelper { ViewContext = view.ViewContext, For = view.For(expression), Label = "Organisation name" };
        configure?.Invoke(input);
        return TagHelperHarness.RenderAsync(input, "nhs-input");
    }

    private static Task<string> RenderSelectAsync(TestView<RegistrationPage> view, List<SelectListItem> items) =>
        TagHelperHarness.RenderAsync(
            new NhsSelectTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.Region), Label = "Region", Items = items },
            "nhs-select");

    private static Task<string> RenderCheckboxesAsync(TestView<RegistrationPage> view) =>
        TagHelperHarness.RenderAsync(
            new NhsCheckboxesTagHelper
            {
                ViewContext = view.ViewContext,
                For = view.For(m => m.Input.Contact),
                Legend = "How should we contact you?",
                Items = [new("Email", "email"), new("Phone", "phone"), new("Text message", "text"), new("Post", "post")],
            },
            "nhs-checkboxes");
}
