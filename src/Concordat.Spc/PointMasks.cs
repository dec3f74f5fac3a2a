using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Concordat.Spc;

/// <summary>
/// One bit per point (bit i = point i of a block of up to 64) for each comparison the rules need. All comparisons
/// are strict and false for a missing value (NaN): on the mean is neither above nor below, a tie neither rises nor
/// falls, on a limit is not outside.
/// </summary>
internal readonly record struct PointMasks(ulong Above, ulong Below, ulong Rising, ulong Falling, ulong BeyondTwoSigma, ulong Outside)
{
    /// <summary>
    /// Compares four points at a time with SIMD where the hardware has it (a vector compare gives four bits at
    /// once), and the rest one at a time. Rising and falling compare each point with the next and shift by one, so
    /// that every vector load stays inside the block; the block's first point has no step.
    /// </summary>
    public static PointMasks Of(ReadOnlySpan<double> values, (double Mean, double Lower, double Upper, double LowerTwoSigma, double UpperTwoSigma) lines)
    {
        var (mean, lower, upper, lowerTwoSigma, upperTwoSigma) = lines;
        ulong above = 0, below = 0, rises = 0, falls = 0, beyond = 0, outside = 0;
        int i = 0, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (meanV, lowerV, upperV) = (Vector256.Create(mean), Vector256.Create(lower), Vector256.Create(upper));
            var (lower2V, upper2V) = (Vector256.Create(lowerTwoSigma), Vector256.Create(upperTwoSigma));
            for (; i + 4 <= values.Length; i += 4)
            {
                var y = Vector256.Create(values.Slice(i, 4));
                above |= Bits(Vector256.GreaterThan(y, meanV)) << i;
                below |= Bits(Vector256.LessThan(y, meanV)) << i;
                beyond |= Bits(Vector256.GreaterThan(y, upper2V) | Vector256.LessThan(y, lower2V)) << i;
                outside |= Bits(Vector256.GreaterThan(y, upperV) | Vector256.LessThan(y, lowerV)) << i;
            }

            for (; j + 5 <= values.Length; j += 4)
            {
                var (y, next) = (Vector256.Create(values.Slice(j, 4)), Vector256.Create(values.Slice(j + 1, 4)));
                rises |= Bits(Vector256.GreaterThan(next, y)) << j;
                falls |= Bits(Vector256.LessThan(next, y)) << j;
            }
        }

        for (; i < values.Length; i++)
        {
            var y = values[i];
            above |= Bit(y > mean) << i;
            below |= Bit(y < mean) << i;
            beyond |= Bit((y > upperTwoSigma) | (y < lowerTwoSigma)) << i;
            outside |= Bit((y > upper) | (y < lower)) << i;
        }

        // Steps the vector loop did not cover (all of them without SIMD): bit j = point j + 1 is above point j.
        for (; j + 1 < values.Length; j++)
        {
            rises |= Bit(values[j + 1] > values[j]) << j;
            falls |= Bit(values[j + 1] < values[j]) << j;
        }

        return new PointMasks(above, below, rises << 1, falls << 1, beyond, outside);
    }

    private static ulong Bits(Vector256<double> comparison) => comparison.ExtractMostSignificantBits();

    /// <summary>1 for true, 0 for false, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bit(bool value) => Unsafe.BitCast<bool, byte>(value);
}
