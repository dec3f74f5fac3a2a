using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

internal static class HeaderMenu
{
    /// <summary>
    /// Follows a link in the header's menu as a person would: the NHS.UK header moves the links that do not fit the
    /// screen's width under its "More" button, so the link is opened from there when it is not shown in the bar.
    /// </summary>
    public static async Task GoToAsync(this IPage page, string linkName)
    {
        // The header's script sorts the links into the bar and the menu once the page has loaded.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var link = menu.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            await menu.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        }

        await link.ClickAsync();
    }
}
