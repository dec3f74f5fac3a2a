using System.Globalization;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

internal static class DateInputs
{
    /// <summary>Types a date into the day, month and year boxes of the date input whose legend is <paramref name="legend"/>.</summary>
    public static async Task FillDateAsync(this IPage page, string legend, DateOnly date)
    {
        var boxes = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await boxes.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await boxes.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await boxes.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
