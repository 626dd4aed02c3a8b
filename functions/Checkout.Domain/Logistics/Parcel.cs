using Checkout.Domain.Carts;

namespace Checkout.Domain.Logistics;

/// <summary>
/// The one parcel a cart ships in. Sides are ordered so that <see cref="LengthCm"/> ≥ <see cref="WidthCm"/> ≥
/// <see cref="HeightCm"/>, the way carriers measure: length is the longest side, girth is around the other two.
/// </summary>
public sealed record Parcel(decimal WeightKg, decimal LengthCm, decimal WidthCm, decimal HeightCm)
{
    public decimal LengthPlusGirthCm => checked(LengthCm + (2 * WidthCm) + (2 * HeightCm));

    public decimal SumOfSidesCm => checked(LengthCm + WidthCm + HeightCm);

    public decimal VolumetricWeightKg(int divisor) => checked(LengthCm * WidthCm * HeightCm) / divisor;

    /// <summary>
    /// Packs every unit of every line into one box. Packing assumption (simple, repeatable, slightly generous):
    /// each unit is laid flat (its smallest side vertical) and the units are stacked, so the box is as long as the
    /// longest unit, as wide as the widest and as high as all the units' smallest sides together; the box's sides are
    /// then re-ordered so length is the longest. Weight is the sum of all units.
    /// </summary>
    public static Parcel Pack(IEnumerable<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        decimal grams = 0m, longest = 0m, widest = 0m, stacked = 0m;
        foreach (var line in lines)
        {
            if (line.Quantity <= 0 || line.WeightGrams < 0)
            {
                throw new ArgumentException($"Line {line.Sku} has quantity {line.Quantity} and weight {line.WeightGrams} g.", nameof(lines));
            }

            var sides = Sides(line);
            grams = checked(grams + ((decimal)line.WeightGrams * line.Quantity));
            longest = Math.Max(longest, sides[0]);
            widest = Math.Max(widest, sides[1]);
            stacked = checked(stacked + (sides[2] * line.Quantity));
        }

        var box = new[] { longest, widest, stacked }.OrderDescending().ToArray();
        return new Parcel(grams / 1000m, box[0], box[1], box[2]);
    }

    private static decimal[] Sides(CartLine line)
    {
        var d = line.Dimensions;
        return d.Length > 0m && d.Width > 0m && d.Height > 0m
            ? new[] { d.Length, d.Width, d.Height }.OrderDescending().ToArray()
            : throw new ArgumentException($"Line {line.Sku} has dimensions {d}; every side must be positive.", nameof(line));
    }
}
