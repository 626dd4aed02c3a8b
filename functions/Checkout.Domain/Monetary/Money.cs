using System.Globalization;

namespace Checkout.Domain.Monetary;

/// <summary>
/// An amount in one currency. Arithmetic is <c>checked</c> and refuses to mix currencies; conversion is the FX
/// module's job. Amounts may carry more precision than the currency's minor unit while a calculation runs (a duty
/// rate applied to a price); <see cref="RoundToMinorUnits"/> is the one rounding rule: half away from zero
/// ("commercial rounding", as EU VAT rules and most tax authorities require).
/// </summary>
public readonly record struct Money(decimal Amount, CurrencyCode Currency) : IComparable<Money>
{
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>Builds an amount from integer minor units, the wire format (<c>{"value": 1250, "currency": "CNY"}</c>).</summary>
    public static Money FromMinorUnits(long minorUnits, CurrencyCode currency)
    {
        var size = Iso4217.Get(currency).MinorUnitSize;
        return new Money(checked(minorUnits * size), currency);
    }

    /// <summary>The amount in integer minor units; throws if the amount is not already rounded to them.</summary>
    public long ToMinorUnits()
    {
        var size = Iso4217.Get(Currency).MinorUnitSize;
        var units = Amount / size;
        if (units != decimal.Truncate(units))
        {
            throw new InvalidOperationException($"{this} is not rounded to {Currency}'s minor unit; round before converting to minor units.");
        }

        return checked((long)units);
    }

    public Money RoundToMinorUnits() =>
        new(decimal.Round(Amount, Iso4217.Get(Currency).MinorUnits, MidpointRounding.AwayFromZero), Currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Amount + right.Amount), left.Currency);
    }

    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Amount - right.Amount), left.Currency);
    }

    public static Money operator *(Money money, decimal factor) => new(checked(money.Amount * factor), money.Currency);

    public static Money operator -(Money money) => new(-money.Amount, money.Currency);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(decimal factor) => this * factor;

    public Money Negate() => -this;

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}; convert through an FX quote first.");
        }
    }
}
