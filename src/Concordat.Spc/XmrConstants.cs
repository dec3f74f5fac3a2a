namespace Concordat.Spc;

/// <summary>The XmR constants, written exactly as the package computes them so that limits agree to the last bit.</summary>
internal static class XmrConstants
{
    /// <summary>3 / d2 with d2 = 1.128 for moving ranges of two, rounded as the literature (and the package) does.</summary>
    public const double LimitFactor = 2.66;

    /// <summary>2 sigma = 2 × (2.66 / 3), evaluated in that order as the package does.</summary>
    public const double TwoSigmaFactor = 2 * (LimitFactor / 3);

    /// <summary>Upper range limit factor D4 for n = 2: a moving range at or above 3.267 × mean moving range is an outlier.</summary>
    public const double OutlierScreenFactor = 3.267;

    /// <summary>Points in a trend or shift run.</summary>
    public const int RunLength = 7;
}
