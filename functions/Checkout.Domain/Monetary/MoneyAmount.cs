using System.Diagnostics.CodeAnalysis;

namespace Checkout.Domain.Monetary;

/// <summary>
/// The wire shape of an amount: integer minor units plus the ISO code, as payment APIs use
/// (<c>{"value": 1250, "currency": "CNY"}</c> is CNY 12.50). Minor units avoid decimal-point ambiguity across
/// languages and JSON parsers. The code must be upper case exactly as ISO writes it; nothing is normalised, so what
/// was signed or hashed is what gets parsed.
/// </summary>
public readonly record struct MoneyAmount(long Value, string Currency)
{
    /// <summary>For amounts that are known to be valid (our own computed, rounded amounts).</summary>
    public static MoneyAmount FromMoney(Money money) =>
        TryFromMoney(money, out var amount, out var error) ? amount : throw new ArgumentException(error, nameof(money));

    public static bool TryFromMoney(Money money, out MoneyAmount amount, [NotNullWhen(false)] out string? error)
    {
        amount = default;
        if (!Iso4217.TryGet(money.Currency, out var currency))
        {
            error = $"Currency '{money.Currency}' is not supported.";
            return false;
        }

        var units = money.Amount / currency.MinorUnitSize;
        if (units != decimal.Truncate(units))
        {
            error = $"{money} is not rounded to {currency.Code}'s minor unit ({currency.MinorUnits} decimals).";
            return false;
        }

        if (units > long.MaxValue || units < long.MinValue)
        {
            error = $"{money} does not fit in 64-bit minor units.";
            return false;
        }

        amount = new MoneyAmount((long)units, currency.Code.Value);
        error = null;
        return true;
    }

    /// <summary>For amounts that are known to be valid; untrusted input goes through <see cref="TryToMoney"/>.</summary>
    public Money ToMoney() =>
        TryToMoney(out var money, out var error) ? money : throw new InvalidOperationException(error);

    public bool TryToMoney(out Money money, [NotNullWhen(false)] out string? error)
    {
        money = default;
        if (!CurrencyCode.TryParse(Currency, out var code))
        {
            error = $"'{Currency}' is not a three-letter upper-case ISO 4217 code.";
            return false;
        }

        if (!Iso4217.IsSupported(code))
        {
            error = $"Currency '{code}' is not supported.";
            return false;
        }

        // Cannot overflow: a long times a minor unit size of at most 1 always fits in a decimal.
        money = Money.FromMinorUnits(Value, code);
        error = null;
        return true;
    }
}
