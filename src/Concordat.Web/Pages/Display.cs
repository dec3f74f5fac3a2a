using System.Globalization;

namespace Concordat.Web.Pages;

/// <summary>Dates and times as NHS content style writes them (UK time, "25 November 2026 at 2:30pm").</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateTime utc) => ToUk(utc).ToString("d MMMM yyyy", English);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string DateTime(DateTime utc)
    {
        var local = ToUk(utc);
        return local.ToString("d MMMM yyyy", English) + " at " + local.ToString("h:mmtt", English).ToLowerInvariant();
    }

    private static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
}
