using System.Numerics;

namespace Checkout.Domain.Monetary;

/// <summary>
/// Splits an amount into parts that always add up to it exactly, in the currency's minor units (pro-rating a
/// discount over lines, a payout over merchants). The one rounding rule, "largest remainder":
/// each part first gets <c>total × weight / Σweights</c> truncated toward zero to a whole minor unit; the minor units
/// left over then go one each to the parts with the largest truncated-off remainders, ties to the lower index.
/// A negative total is split by its magnitude and every part negated, so signs never mix.
/// Every part is therefore within one minor unit of its exact share, a zero weight always gets zero, and the result
/// depends only on the inputs (never on hash order or floating point): the arithmetic is exact integer arithmetic.
/// </summary>
public static class Allocator
{
    /// <param name="total">Must already be rounded to the currency's minor unit.</param>
    /// <param name="weights">Non-negative, at least one positive; any decimal scale.</param>
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        EnsureRounded(total);
        var scaledWeights = ScaleToIntegers(weights);
        var units = total.ToMinorUnits();
        var magnitude = BigInteger.Abs(units);
        var parts = SplitUnits(magnitude, scaledWeights);
        var sign = units < 0 ? -1 : 1;
        return parts.Select(p => Money.FromMinorUnits((long)(sign * p), total.Currency)).ToList();
    }

    /// <summary>Splits evenly; the leftover minor units go to the first parts (100.00 / 3 = 33.34, 33.33, 33.33).</summary>
    public static IReadOnlyList<Money> Split(Money total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        return Allocate(total, Enumerable.Repeat(1m, parts).ToList());
    }

    private static BigInteger[] SplitUnits(BigInteger units, BigInteger[] weights)
    {
        var weightSum = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        var parts = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = BigInteger.DivRem(units * weights[i], weightSum, out remainders[i]);
        }

        var leftover = (int)(units - parts.Aggregate(BigInteger.Zero, (sum, p) => sum + p));
        var byLargestRemainder = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i);
        foreach (var index in byLargestRemainder.Take(leftover))
        {
            parts[index] += 1;
        }

        return parts;
    }

    /// <summary>Turns decimal weights into integers with the same ratios, so the division is exact.</summary>
    private static BigInteger[] ScaleToIntegers(IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        if (weights.Any(w => w < 0m) || weights.All(w => w == 0m))
        {
            throw new ArgumentException("Weights must be non-negative with at least one positive.", nameof(weights));
        }

        var scale = weights.Max(w => w.Scale);
        return weights.Select(w => Mantissa(w) * BigInteger.Pow(10, scale - w.Scale)).ToArray();
    }

    private static BigInteger Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var low = (uint)bits[0] | ((BigInteger)(uint)bits[1] << 32) | ((BigInteger)(uint)bits[2] << 64);
        return value < 0m ? -low : low;
    }

    private static void EnsureRounded(Money total)
    {
        if (total.RoundToMinorUnits() != total)
        {
            throw new ArgumentException($"{total} is not rounded to {total.Currency}'s minor unit; round it first.", nameof(total));
        }
    }
}
