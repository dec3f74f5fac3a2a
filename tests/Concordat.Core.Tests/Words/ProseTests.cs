using Concordat.Core.Words;

namespace Concordat.Core.Tests.Words;

public sealed class ProseTests
{
    [Theory]
    [InlineData(50_000_000L, "£500,000")]
    [InlineData(125_000_050L, "£1,250,000.50")]
    [InlineData(1L, "£0.01")]
    [InlineData(0L, "£0")]
    [InlineData(-2_000L, "-£20")]
    public void Pounds_FromPence_PutTheSymbolFirstAndShowPenceOnlyWhereThereAreSome(long pence, string expected) =>
        Assert.Equal(expected, Prose.Pounds(pence));

    [Theory]
    [InlineData(71.1324, "71.1%")]
    [InlineData(95, "95.0%")]
    [InlineData(-0.01, "0.0%")]
    public void Percent_HasOneDecimalPlaceAndNoSpaceBeforeTheSign(double value, string expected) =>
        Assert.Equal(expected, Prose.Percent(value));

    [Theory]
    [InlineData(15994, "15,994")]
    [InlineData(42.5, "42.5")]
    [InlineData(0.125, "0.13")]
    [InlineData(-0.001, "0")]
    public void Number_SeparatesThousandsAndDropsTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, Prose.Number(value));

    [Theory]
    [InlineData(86.4615, "86.4615")]
    [InlineData(1001, "1,001")]
    [InlineData(0.000125, "0.000125")]
    public void ExactNumber_KeepsEveryDecimalPlace(double value, string expected) => Assert.Equal(expected, Prose.ExactNumber(value));

    [Theory]
    [InlineData(500000, "£", "£500,000")]
    [InlineData(71.13, "%", "71.1%")]
    [InlineData(2, "data set", "2 data sets")]
    [InlineData(1, "data set", "1 data set")]
    [InlineData(0, "data set", "0 data sets")]
    [InlineData(12, "WTE", "12 WTE")]
    [InlineData(120, "m²", "120 m²")]
    [InlineData(400, "hours a week", "400 hours a week")]
    [InlineData(3, "bed a day", "3 beds a day")]
    [InlineData(15994, "attendances", "15,994 attendances")]
    [InlineData(12.5, "per 100,000", "12.5 per 100,000")]
    [InlineData(6, "venues", "6 venues")]
    [InlineData(2, "body", "2 bodies")]
    [InlineData(2, "staff", "2 staff")]
    public void Amount_WritesTheQuantityInItsUnit(double quantity, string unit, string expected) =>
        Assert.Equal(expected, Prose.Amount(quantity, unit));

    [Theory]
    [InlineData(1, "revision", "1 revision")]
    [InlineData(2, "revision", "2 revisions")]
    [InlineData(0, "change", "0 changes")]
    [InlineData(1000, "primary driver", "1,000 primary drivers")]
    [InlineData(3, "process", "3 processes")]
    public void Count_NamesOneOrMany(long count, string singular, string expected) =>
        Assert.Equal(expected, Prose.Count(count, singular));

    [Fact]
    public void Count_TakesAnIrregularPlural() => Assert.Equal("2 people", Prose.Count(2, "person", "people"));

    [Fact]
    public void Dates_ReadAsPeopleWriteThem()
    {
        Assert.Equal("6 December 2026", Prose.Date(new DateOnly(2026, 12, 6)));
        Assert.Equal("March 2019", Prose.Month(new DateOnly(2019, 3, 1)));
        Assert.Equal("6 December 2026 to 5 December 2027", Prose.Dates(new DateOnly(2026, 12, 6), new DateOnly(2027, 12, 5)));
    }

    [Fact]
    public void DatesOfMoments_AreUkDates()
    {
        // 11:30pm UTC on 30 June is 12:30am on 1 July in British Summer Time.
        var lateInJune = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("1 July 2026", Prose.Date(lateInJune));
        Assert.Equal("1 July 2026 at 12:30am", Prose.DateAndTime(lateInJune));
        Assert.Equal("25 November 2026 at 2:30pm", Prose.DateAndTime(new DateTime(2026, 11, 25, 14, 30, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void YesNo_NeverSaysTrueOrFalse()
    {
        Assert.Equal("Yes", Prose.YesNo(true));
        Assert.Equal("No", Prose.YesNo(false));
    }

    [Fact]
    public void List_JoinsTheLastItemWithAnd()
    {
        Assert.Equal("", Prose.List([]));
        Assert.Equal("training", Prose.List(["training"]));
        Assert.Equal("training and enablement", Prose.List(["training", "enablement"]));
        Assert.Equal("education, training and enablement", Prose.List(["education", "training", "enablement"]));
    }

    [Theory]
    [InlineData("Common cause variation", "Common cause variation.")]
    [InlineData("without funding or clinical backing.", "without funding or clinical backing.")]
    [InlineData("  Is it safe? ", "Is it safe?")]
    public void Sentence_EndsWithOneFullStop(string text, string expected) => Assert.Equal(expected, Prose.Sentence(text));

    [Theory]
    [InlineData("Offer a blood pressure check.", "offer a blood pressure check")]
    [InlineData("Refer to the virtual ward", "refer to the virtual ward")]
    [InlineData("GPs refer to the virtual ward", "GPs refer to the virtual ward")]
    [InlineData("NHS England approves it", "NHS England approves it")]
    [InlineData("already lower case", "already lower case")]
    public void Clause_CarriesASentenceOnInsideAnother(string text, string expected) => Assert.Equal(expected, Prose.Clause(text));
}
