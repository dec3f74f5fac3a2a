namespace Concordat.Spc.Tests;

/// <summary>Rule 4: seven points strictly on one side of the mean.</summary>
public sealed class ShiftTests
{
    // Runs are written with values that do not rise or fall seven times in a row and stay well inside the limits;
    // the ±3 alternation around them steps to the other side of the mean just before and just after the run.
    [Fact]
    public void Analyse_SevenPointsAboveMean_FlagsShift()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(6, amplitude: 3), [1, 2, 1, 2, 1, 2, 1], Series.Alternating(7, amplitude: -3)));

        Assert.Equal(Series.Range(6, 7), analysis.Flagged(SpecialCauseRule.Shift));
        Assert.All(Series.Range(6, 7), i => Assert.Equal(SignalDirection.High, analysis.Points[i].Signal));
    }

    [Fact]
    public void Shift_SevenPointsBelowMean_FlagsLow()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(6, amplitude: -3), [-1, -2, -1, -2, -1, -2, -1], Series.Alternating(7, amplitude: 3)));

        Assert.Equal(Series.Range(6, 7), analysis.Flagged(SpecialCauseRule.Shift));
        Assert.All(Series.Range(6, 7), i => Assert.Equal(SignalDirection.Low, analysis.Points[i].Signal));
    }

    [Fact]
    public void Shift_SixPoints_DoesNotFire()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(6, amplitude: 3), [1, 2, 1, 2, 1, 2], Series.Alternating(6, amplitude: -3)));

        Assert.Empty(analysis.Flagged(SpecialCauseRule.Shift));
    }

    [Fact]
    public void Shift_EqualValuesOnOneSide_StillAShift()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(6, amplitude: 3), [1, 1, 1, 1, 1, 1, 1], Series.Alternating(7, amplitude: -3)));

        Assert.Equal(Series.Range(6, 7), analysis.Flagged(SpecialCauseRule.Shift));
    }

    [Fact]
    public void Shift_PointExactlyOnMean_BreaksRun()
    {
        // Mean is exactly 0; the 0 in the middle of eight positive points is on neither side.
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(8, amplitude: 3), [1, 2, 1, 2, 0, 1, 2, 1, 2], [-12]));

        Assert.Equal(0, analysis.Segments[0].Mean);
        Assert.Empty(analysis.Flagged(SpecialCauseRule.Shift));
    }

    [Fact]
    public void Shift_MissingValue_BreaksRun()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(6, amplitude: 3), [1, 2, 1, null, 2, 1, 2, 1], Series.Alternating(7, amplitude: -3)));

        Assert.Empty(analysis.Flagged(SpecialCauseRule.Shift));
    }

    [Fact]
    public void Shift_EighthPoint_ExtendsTheFlag()
    {
        var analysis = Series.Analyse(Series.Concat(Series.Alternating(8, amplitude: 3), [1, 2, 1, 2, 1, 2, 1, 2], Series.Alternating(8, amplitude: -3)));

        Assert.Equal(Series.Range(8, 8), analysis.Flagged(SpecialCauseRule.Shift));
    }
}
