using Concordat.Core.Access;

namespace Concordat.Core.Tests.Access;

public sealed class InputErrorsTests
{
    [Fact]
    public void RequiredText_IsTrimmed_AndReportsBlankOrTooLongText()
    {
        var errors = new InputErrors();

        var kept = errors.RequiredText("Title", "Title", "  Frailty  ", 10, "Enter a title");
        errors.RequiredText("Name", "Name", "   ", 10, "Enter a name");
        errors.RequiredText("Unit", "Unit", new string('x', 11), 10, "Enter a unit");

        Assert.Equal("Frailty", kept);
        Assert.Equal(["Enter a name"], errors.Errors["Name"]);
        Assert.Equal(["Unit must be 10 characters or fewer"], errors.Errors["Unit"]);
        Assert.False(errors.Errors.ContainsKey("Title"));
    }

    [Fact]
    public void OptionalText_BlankIsNull_TooLongIsReportedNotCut()
    {
        var errors = new InputErrors();

        Assert.Null(errors.OptionalText("Note", "Note", " ", 5));
        Assert.Equal("123456", errors.OptionalText("Reason", "Reason", "123456", 5));
        Assert.Equal(["Reason must be 5 characters or fewer"], errors.Errors["Reason"]);
    }
}
