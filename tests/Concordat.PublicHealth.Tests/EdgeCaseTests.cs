namespace Concordat.PublicHealth.Tests;

/// <summary>The inputs PHEindicatormethods refuses (errors) and those it answers with NA (missing values).</summary>
public sealed class EdgeCaseTests
{
    private static readonly ConfidenceLevels Ninety5 = ConfidenceLevels.Of([0.95]);
    private static readonly ConfidenceLevels Both = ConfidenceLevels.Of([0.95, 0.998]);

    private static readonly double[] EuropeanStandard =
        [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000];

    private static readonly double[] AgeBands = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

    private static readonly double[] Deaths =
        [35, 6, 6, 8, 12, 25, 29, 55, 87, 85, 141, 214, 388, 446, 738, 1341, 1398, 1704, 1331, 1383];

    private static readonly double[] Populations =
        [10546, 49139, 57404, 61481, 47060, 71299, 69381, 65084, 64709, 55036, 58222, 57883, 58836, 60350, 52645, 50715, 35951, 23991, 16152, 8971];

    [Theory]
    [InlineData(0.8)]
    [InlineData(1.5)]
    [InlineData(101)]
    public void A_confidence_outside_90_to_100_percent_is_refused(double level) =>
        Assert.Throws<ArgumentException>(() => ConfidenceLevels.Of([level]));

    [Fact]
    public void Only_the_95_and_998_pair_is_accepted()
    {
        Assert.Throws<ArgumentException>(() => ConfidenceLevels.Of([0.95, 0.99]));
        Assert.Throws<ArgumentException>(() => ConfidenceLevels.Of([0.998, 0.95]));
        Assert.Throws<ArgumentException>(() => ConfidenceLevels.Of([0.9, 0.95, 0.998]));
        Assert.True(Both.IsPair);
    }

    [Fact]
    public void A_percentage_confidence_is_read_as_a_fraction() => Assert.Equal([0.95], ConfidenceLevels.Of([95]).Levels);

    [Fact]
    public void A_proportion_of_zero_has_a_zero_lower_limit()
    {
        var estimate = Proportion.Calculate(0, 40, 100, Ninety5);
        Assert.Equal(0, estimate.Value);
        Assert.Equal(0, estimate.Intervals[0].Lower!.Value, 12);
        Assert.Equal(8.76216011972866, estimate.Intervals[0].Upper!.Value, 9);
    }

    [Fact]
    public void A_proportion_of_all_has_an_upper_limit_of_one()
    {
        var estimate = Proportion.Calculate(7, 7, 1, Ninety5);
        Assert.Equal(1, estimate.Intervals[0].Upper!.Value, 14);
    }

    [Fact]
    public void A_numerator_above_the_denominator_is_refused_for_a_proportion() =>
        Assert.Throws<ArgumentException>(() => Proportion.Calculate(12, 10, 100, Ninety5));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, -5)]
    public void Negative_counts_and_non_positive_denominators_are_refused(double numerator, double denominator)
    {
        Assert.Throws<ArgumentException>(() => Proportion.Calculate(numerator, denominator, 1, Ninety5));
        Assert.Throws<ArgumentException>(() => CrudeRate.Calculate(numerator, denominator, 100000, Ninety5));
    }

    [Fact]
    public void A_rate_of_no_events_has_exact_limits_from_zero()
    {
        var estimate = CrudeRate.Calculate(0, 1000, 1000, Ninety5);
        Assert.Equal(0, estimate.Intervals[0].Lower);
        // qchisq(0.975, 2)/2 = −ln(0.025).
        Assert.Equal(-Math.Log(0.025), estimate.Intervals[0].Upper!.Value, 12);
    }

    [Fact]
    public void A_rate_switches_from_exact_to_byars_at_ten_events()
    {
        var exact = CrudeRate.Calculate(9, 1, 1, Ninety5).Intervals[0];
        var byars = CrudeRate.Calculate(10, 1, 1, Ninety5).Intervals[0];
        // Exact for 9: qchisq(0.025, 18)/2; Byar's for 10, as the sample case s_rate_003 has it (per 100,000 of 12,000).
        Assert.Equal(Distributions.GammaQuantile(0.025, 9), exact.Lower!.Value, 14);
        Assert.Equal(39.8954159497297 * 12000 / 100000, byars.Lower!.Value, 12);
    }

    [Fact]
    public void A_mean_of_one_value_has_no_limits()
    {
        var estimate = Mean.Calculate([12.0], Both);
        Assert.Equal(12, estimate.Value);
        Assert.All(estimate.Intervals, i => Assert.Null(i.Lower));
        Assert.All(estimate.Intervals, i => Assert.Null(i.Upper));
    }

    [Fact]
    public void A_mean_of_no_values_is_refused() => Assert.Throws<ArgumentException>(() => Mean.Calculate([], Ninety5));

    [Fact]
    public void A_dsr_from_fewer_than_ten_events_is_missing()
    {
        double[] numerators = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 5, 0];
        var estimate = DirectlyStandardisedRate.Calculate(numerators, [.. Enumerable.Repeat(1000.0, 19)], EuropeanStandard, 100000, Ninety5);
        Assert.Null(estimate.Value);
        Assert.Null(estimate.Intervals[0].Lower);

        numerators[0] = 1;
        Assert.NotNull(DirectlyStandardisedRate.Calculate(numerators, [.. Enumerable.Repeat(1000.0, 19)], EuropeanStandard, 100000, Ninety5).Value);
    }

    [Fact]
    public void A_dsr_with_a_zero_denominator_in_any_band_is_refused()
    {
        double[] denominators = [.. Enumerable.Repeat(1000.0, 19)];
        denominators[7] = 0;
        Assert.Throws<ArgumentException>(() => DirectlyStandardisedRate.Calculate([.. Enumerable.Repeat(5.0, 19)], denominators, EuropeanStandard, 100000, Ninety5));
    }

    [Fact]
    public void A_standard_population_of_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => DirectlyStandardisedRate.Calculate(
            [.. Enumerable.Repeat(5.0, 19)], [.. Enumerable.Repeat(1000.0, 19)], EuropeanStandard[..18], 100000, Ninety5));

    [Fact]
    public void A_negative_count_is_refused_for_a_dsr_and_indirect_standardisation()
    {
        double[] numerators = [.. Enumerable.Repeat(5.0, 19)];
        numerators[3] = -1;
        double[] populations = [.. Enumerable.Repeat(1000.0, 19)];
        Assert.Throws<ArgumentException>(() => DirectlyStandardisedRate.Calculate(numerators, populations, EuropeanStandard, 100000, Ninety5));
        Assert.Throws<ArgumentException>(() => IndirectlyStandardised.Ratio(numerators, populations, populations, populations, 100, Ninety5));
    }

    [Fact]
    public void An_smr_of_no_events_has_exact_limits()
    {
        double[] none = [0, 0, 0];
        double[] population = [1000, 1000, 1000];
        var estimate = IndirectlyStandardised.Ratio(none, population, [10, 20, 30], [10000, 10000, 10000], 100, Ninety5);
        Assert.Equal(0, estimate.Value);
        Assert.Equal(0, estimate.Intervals[0].Lower);
        // Expected events 6: upper = −ln(0.025)/6 × 100.
        Assert.Equal(-Math.Log(0.025) / 6 * 100, estimate.Intervals[0].Upper!.Value, 10);
    }

    [Fact]
    public void Life_expectancy_needs_a_first_band_of_zero() =>
        Assert.Throws<ArgumentException>(() => LifeExpectancy.Calculate([.. AgeBands.Select(a => a + 1)], Deaths, Populations, 66, Ninety5));

    public static TheoryData<string> UnreliableTables => ["small population", "negative deaths", "zero population", "deaths above population", "19 bands", "no deaths in the last band"];

    [Theory]
    [MemberData(nameof(UnreliableTables))]
    public void Unreliable_life_tables_give_missing_results(string why)
    {
        double[] ages = AgeBands, deaths = [.. Deaths], populations = [.. Populations];
        switch (why)
        {
            case "small population":
                populations = [.. Populations.Select(p => Math.Floor(p / 200))];
                deaths = [.. deaths.Select((d, i) => Math.Min(d, populations[i]))];
                break;
            case "negative deaths":
                deaths[4] = -1;
                break;
            case "zero population":
                populations[4] = 0;
                break;
            case "deaths above population":
                deaths[4] = populations[4] + 1;
                break;
            case "19 bands":
                ages = AgeBands[..19];
                deaths = deaths[..19];
                populations = populations[..19];
                break;
            case "no deaths in the last band":
                deaths[^1] = 0;
                break;
        }

        var estimate = LifeExpectancy.Calculate(ages, deaths, populations, 0, Both);
        Assert.Null(estimate.Value);
        Assert.All(estimate.Intervals, i => Assert.Null(i.Lower));
    }

    [Fact]
    public void A_life_expectancy_wider_than_20_years_keeps_its_limits_but_not_its_value()
    {
        // Few deaths among the oldest make the last band's variance (l²/(D·M²)) enormous.
        double[] deaths = [.. Deaths];
        deaths[^1] = 1;
        double[] populations = [.. Populations];
        populations[^1] = 100;
        var estimate = LifeExpectancy.Calculate(AgeBands, deaths, populations, 90, Ninety5);
        Assert.Null(estimate.Value);
        Assert.NotNull(estimate.Intervals[0].Lower);
        Assert.True(estimate.Intervals[0].Upper - estimate.Intervals[0].Lower > 20);
    }

    private static SiiQuantile[] Quintiles(int count, double population = 10000) =>
        [.. Enumerable.Range(1, count).Select(q => new SiiQuantile(q, population, 100 + 10 * q, 90 + 10 * q, 110 + 10 * q))];

    [Fact]
    public void An_sii_needs_five_quantiles() =>
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Calculate(Quintiles(4), SiiValueType.Other, false, false, 1, Ninety5, 100));

    [Fact]
    public void An_sii_refuses_a_zero_population()
    {
        var quantiles = Quintiles(5);
        quantiles[2] = quantiles[2] with { Population = 0 };
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Calculate(quantiles, SiiValueType.Rate, false, false, 1, Ninety5, 100));
    }

    [Fact]
    public void An_sii_refuses_a_transform_of_an_other_value() =>
        Assert.Throws<ArgumentException>(() => SlopeIndexOfInequality.Calculate(Quintiles(5), SiiValueType.Other, true, false, 1, Ninety5, 100));

    [Fact]
    public void An_exact_line_gives_its_slope_and_a_negative_multiplier_inverts_the_rii()
    {
        // Values 110…150 over equal quintiles at ranks 0.1…0.9: the line is 105 + 50·rank, so SII 50 and RII 155/105.
        var forward = SlopeIndexOfInequality.Calculate(Quintiles(5), SiiValueType.Other, false, true, 1, Ninety5, 1000);
        Assert.Equal(50, forward.Sii, 9);
        Assert.Equal(155.0 / 105, forward.Rii!.Value, 9);

        var reversed = SlopeIndexOfInequality.Calculate(Quintiles(5), SiiValueType.Other, false, true, -1, Ninety5, 1000);
        Assert.Equal(-50, reversed.Sii, 9);
        Assert.Equal(105.0 / 155, reversed.Rii!.Value, 9);
        Assert.True(reversed.SiiIntervals[0].Lower < reversed.SiiIntervals[0].Upper);
    }
}
