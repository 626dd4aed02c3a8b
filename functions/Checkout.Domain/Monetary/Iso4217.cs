using System.Collections.Frozen;

namespace Checkout.Domain.Monetary;

/// <summary>
/// The ISO 4217 currencies this product settles or presents, with their minor units.
/// Source: ISO 4217 list one (https://www.six-group.com/en/products-services/financial-information/data-standards.html),
/// as of 2026-01. Minor units follow ISO even where market practice differs (e.g. ISK and KRW are 0 in ISO).
/// BGN is deliberately absent: Bulgaria adopted the euro on 2026-01-01 and the ECB stopped publishing a lev rate, so a
/// lev checkout could not be quoted. Every currency listed here must have a rate in the shipped FX reference data
/// (a test enforces it), so adding one means adding its rate too.
/// </summary>
public static class Iso4217
{
    private static readonly FrozenDictionary<string, Currency> ByCode = new Currency[]
    {
        New("AED", 2, "UAE Dirham"), New("ARS", 2, "Argentine Peso"), New("AUD", 2, "Australian Dollar"),
        New("BDT", 2, "Taka"), New("BHD", 3, "Bahraini Dinar"),
        New("BRL", 2, "Brazilian Real"), New("CAD", 2, "Canadian Dollar"), New("CHF", 2, "Swiss Franc"),
        New("CLP", 0, "Chilean Peso"), New("CNY", 2, "Yuan Renminbi"), New("COP", 2, "Colombian Peso"),
        New("CZK", 2, "Czech Koruna"), New("DKK", 2, "Danish Krone"), New("EGP", 2, "Egyptian Pound"),
        New("EUR", 2, "Euro"), New("GBP", 2, "Pound Sterling"), New("HKD", 2, "Hong Kong Dollar"),
        New("HUF", 2, "Forint"), New("IDR", 2, "Rupiah"), New("ILS", 2, "New Israeli Sheqel"),
        New("INR", 2, "Indian Rupee"), New("ISK", 0, "Iceland Krona"), New("JOD", 3, "Jordanian Dinar"),
        New("JPY", 0, "Yen"), New("KES", 2, "Kenyan Shilling"), New("KRW", 0, "Won"),
        New("KWD", 3, "Kuwaiti Dinar"), New("LKR", 2, "Sri Lanka Rupee"), New("MAD", 2, "Moroccan Dirham"),
        New("MOP", 2, "Pataca"), New("MXN", 2, "Mexican Peso"), New("MYR", 2, "Malaysian Ringgit"),
        New("NGN", 2, "Naira"), New("NOK", 2, "Norwegian Krone"), New("NPR", 2, "Nepalese Rupee"),
        New("NZD", 2, "New Zealand Dollar"), New("OMR", 3, "Rial Omani"), New("PEN", 2, "Sol"),
        New("PHP", 2, "Philippine Peso"), New("PKR", 2, "Pakistan Rupee"), New("PLN", 2, "Zloty"),
        New("QAR", 2, "Qatari Rial"), New("RON", 2, "Romanian Leu"), New("SAR", 2, "Saudi Riyal"),
        New("SEK", 2, "Swedish Krona"), New("SGD", 2, "Singapore Dollar"), New("THB", 2, "Baht"),
        New("TND", 3, "Tunisian Dinar"), New("TRY", 2, "Turkish Lira"), New("TWD", 2, "New Taiwan Dollar"),
        New("UAH", 2, "Hryvnia"), New("USD", 2, "US Dollar"), New("VND", 0, "Dong"),
        New("ZAR", 2, "Rand"), New("UGX", 0, "Uganda Shilling"), New("XOF", 0, "CFA Franc BCEAO"),
        New("XAF", 0, "CFA Franc BEAC"), New("KZT", 2, "Tenge"), New("GHS", 2, "Ghana Cedi"),
    }.ToFrozenDictionary(c => c.Code.Value, StringComparer.Ordinal);

    public static IReadOnlyCollection<Currency> All => ByCode.Values;

    public static bool TryGet(string? code, out Currency currency)
    {
        currency = null!;
        return code is not null && ByCode.TryGetValue(code, out currency!);
    }

    public static bool TryGet(CurrencyCode code, out Currency currency) => TryGet(code.Value, out currency);

    public static bool IsSupported(CurrencyCode code) => code.Value is not null && ByCode.ContainsKey(code.Value);

    public static Currency Get(CurrencyCode code) =>
        ByCode.TryGetValue(code.Value, out var currency)
            ? currency
            : throw new ArgumentException($"Currency {code} is not a supported ISO 4217 currency.", nameof(code));

    private static Currency New(string code, int minorUnits, string name) => new(new CurrencyCode(code), minorUnits, name);
}
