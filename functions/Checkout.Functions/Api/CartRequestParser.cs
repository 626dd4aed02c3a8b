using System.Text.Json;
using System.Text.RegularExpressions;
using Checkout.Domain.Buyers;
using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;

namespace Checkout.Functions.Api;

/// <summary>
/// Turns the body of <c>POST /api/checkouts</c> (or <c>/api/estimates</c>, without <c>payment</c>) into a
/// <see cref="CartRequest"/>, or the problem naming every unknown field (400) or else every bad one (422). Limits keep
/// the workflow's checked arithmetic far from overflow: at most 100 items, 10,000 of each, unit prices up to 10^12
/// minor units.
/// </summary>
internal static partial class CartRequestParser
{
    public const int MerchantReferenceMaxLength = 100;
    public const int MaxItems = 100;
    public const int MaxQuantity = 10_000;
    public const long MaxMinorUnits = 1_000_000_000_000;
    public const int MaxPaymentTokenLength = 200;

    /// <param name="requirePayment">Reads <c>payment</c>; for an estimate, without it, a <c>payment</c> is unknown.</param>
    public static (CartRequest? Request, ApiResponse? Problem) Parse(JsonElement root, bool requirePayment)
    {
        var reader = new FieldReader(root);
        var reference = reader.String(root, "merchantReference", "#", MerchantReferenceMaxLength);
        var currency = Currency(reader, root, "presentmentCurrency", "#");
        var incoterm = Incoterm(reader, root);
        var buyer = AddressAt(reader, root, "buyer");
        var shipFrom = AddressAt(reader, root, "shipFrom");
        var lines = Items(reader, root);
        var preference = Preference(reader, root);
        var identity = Identity(reader, root, required: requirePayment && buyer?.Country.Value == "CN");
        var payment = requirePayment ? Payment(reader, root) : null;
        if (payment is not null && currency is { } presented)
        {
            CheckWalletCurrency(reader, payment, presented);
        }

        if (reader.Problem() is { } problem)
        {
            return (null, problem);
        }

        var cart = new Cart(currency!.Value, incoterm!.Value, buyer!, shipFrom!, lines!, preference);
        return (new CartRequest(reference!, cart, payment, identity), null);
    }

    /// <summary>
    /// The body's required <c>payment</c> object, as a start and a payment retry take it: <c>{"token"}</c> or
    /// <c>{"method":"card","token"}</c> for a card, <c>{"method":"alipay"}</c> or <c>{"method":"wechat_pay"}</c> for a
    /// wallet, which takes no token (the buyer approves the payment in the wallet's app).
    /// </summary>
    public static PaymentChoice? Payment(FieldReader reader, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Object(root, "payment", "#") is not { } payment)
        {
            return null;
        }

        var methodText = reader.String(payment, "method", "#/payment", 20, required: false);
        var method = PaymentMethodType.Card;
        if (methodText is not null && !PaymentMethodTypes.TryParse(methodText, out method))
        {
            reader.Fail("#/payment/method", "Must be card, alipay or wechat_pay.");
            return null;
        }

        if (method.IsWallet())
        {
            if (reader.Value(payment, "token", "#/payment") is not null)
            {
                reader.Fail("#/payment/token", $"A {methodText} payment takes no token: the buyer approves it in the wallet's app.");
            }

            return new PaymentChoice(method, string.Empty);
        }

        return reader.String(payment, "token", "#/payment", MaxPaymentTokenLength) is { } token ? new PaymentChoice(method, token) : null;
    }

    /// <summary>Alipay and WeChat Pay charge Chinese buyers in yuan: a wallet checkout is presented and settled in CNY.</summary>
    public static void CheckWalletCurrency(FieldReader reader, PaymentChoice payment, CurrencyCode presentment)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Method.IsWallet() && presentment.Value != "CNY")
        {
            reader.Fail("#/payment/method", $"{payment.Method.ToWire()} pays in CNY: the checkout's presentmentCurrency must be CNY, not {presentment.Value}.");
        }
    }

    private static CurrencyCode? Currency(FieldReader reader, JsonElement parent, string name, string at)
    {
        var text = reader.String(parent, name, at, 3);
        if (text is null)
        {
            return null;
        }

        if (!CurrencyCode.TryParse(text, out var code) || !Iso4217.IsSupported(code))
        {
            reader.Fail(FieldReader.Path(at, name), $"'{text}' is not a supported ISO 4217 currency code.");
            return null;
        }

        return code;
    }

    private static CountryCode? Country(FieldReader reader, JsonElement parent, string name, string at)
    {
        var text = reader.String(parent, name, at, 2);
        if (text is null)
        {
            return null;
        }

        if (!CountryCode.IsWellFormed(text) || !CountryCodes.IsAssigned(text))
        {
            reader.Fail(FieldReader.Path(at, name), $"'{text}' is not an assigned ISO 3166-1 alpha-2 country code.");
            return null;
        }

        return new CountryCode(text);
    }

    private static Incoterm? Incoterm(FieldReader reader, JsonElement root) => reader.String(root, "incoterm", "#", 3) switch
    {
        null => null,
        "DDP" => Domain.Carts.Incoterm.Ddp,
        "DAP" => Domain.Carts.Incoterm.Dap,
        var other => Fail<Incoterm>(reader, "#/incoterm", $"'{other}' is not an accepted Incoterm; use DDP or DAP."),
    };

    private static ShippingPreference Preference(FieldReader reader, JsonElement root)
    {
        if (reader.Object(root, "shipping", "#", required: false) is not { } shipping)
        {
            return ShippingPreference.Cheapest;
        }

        return reader.String(shipping, "preference", "#/shipping", 20, required: false) switch
        {
            null or "cheapest" => ShippingPreference.Cheapest,
            "fastest" => ShippingPreference.Fastest,
            var other => Fail<ShippingPreference>(reader, "#/shipping/preference", $"'{other}' is not a preference; use cheapest or fastest.") ?? default,
        };
    }

    /// <summary>
    /// <c>buyer.identity</c> <c>{"name", "idNumber"}</c>: the buyer's name and PRC resident identity card number, which
    /// Chinese customs require for a cross-border e-commerce import (the order's buyer must be the payer). Required to
    /// start a checkout to mainland China; an estimate may leave it out. No message repeats what was sent.
    /// </summary>
    private static BuyerIdentity? Identity(FieldReader reader, JsonElement root, bool required)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("buyer", out var buyer) || buyer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var given = buyer.TryGetProperty("identity", out var field) && field.ValueKind != JsonValueKind.Null;
        if (reader.Object(buyer, "identity", "#/buyer", required: false) is not { } identity)
        {
            if (required && !given)
            {
                reader.Fail("#/buyer/identity", "Required for a buyer in mainland China: customs take the buyer's name and resident identity card number for a cross-border e-commerce import.");
            }

            return null;
        }

        var name = reader.String(identity, "name", "#/buyer/identity", 50);
        var number = reader.String(identity, "idNumber", "#/buyer/identity", 18 + 2);
        if (number is not null && ResidentIdentityNumber.Check(number) is { } why)
        {
            reader.Fail("#/buyer/identity/idNumber", why);
            return null;
        }

        return name is null || number is null ? null : new BuyerIdentity(name.Trim(), number);
    }

    private static Address? AddressAt(FieldReader reader, JsonElement root, string name)
    {
        if (reader.Object(root, name, "#") is not { } element)
        {
            return null;
        }

        var at = "#/" + name;
        var country = Country(reader, element, "country", at);
        var postalCode = reader.String(element, "postalCode", at, 20, required: false);
        if (reader.Value(element, "email", at) is { ValueKind: not JsonValueKind.String })
        {
            reader.Fail(at + "/email", "Must be a string.");
        }

        return country is null ? null : new Address(country.Value, postalCode);
    }

    private static List<CartLine>? Items(FieldReader reader, JsonElement root)
    {
        if (reader.Array(root, "items", "#") is not { } items)
        {
            return null;
        }

        var count = items.GetArrayLength();
        if (count is 0 or > MaxItems)
        {
            reader.Fail("#/items", $"Must hold from 1 to {MaxItems} items.");
            return null;
        }

        var lines = new List<CartLine>(count);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var line = Item(reader, item, $"#/items/{index++}");
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return lines.Count == count ? lines : null;
    }

    private static CartLine? Item(FieldReader reader, JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(at, "Must be an object.");
            return null;
        }

        var errorsBefore = reader.Errors.Count;
        var sku = reader.String(item, "sku", at, 64);
        var description = reader.String(item, "description", at, 200);
        var hsCode = HsCodeAt(reader, item, at);
        var origin = Country(reader, item, "originCountry", at);
        var price = Price(reader, item, at);
        var quantity = reader.Integer(item, "quantity", at, 1, MaxQuantity);
        var weight = reader.Integer(item, "weightGrams", at, 1, 1_000_000);
        var dimensions = Dimensions(reader, item, at);
        var dangerousGoods = DangerousGoods(reader, item, at);
        if (reader.Errors.Count != errorsBefore)
        {
            return null;
        }

        return new CartLine(sku!, description!, hsCode!, origin!.Value, price!.Value, (int)quantity!.Value, (int)weight!.Value, dimensions!.Value, dangerousGoods);
    }

    private static string? HsCodeAt(FieldReader reader, JsonElement item, string at)
    {
        var text = reader.String(item, "hsCode", at, 10);
        if (text is not null && !HsCode.TryParse(text, out _, out var reason))
        {
            reader.Fail(at + "/hsCode", reason);
            return null;
        }

        return text;
    }

    private static Money? Price(FieldReader reader, JsonElement item, string at)
    {
        if (reader.Object(item, "unitPrice", at) is not { } price)
        {
            return null;
        }

        var priceAt = at + "/unitPrice";
        var value = reader.Integer(price, "value", priceAt, 0, MaxMinorUnits);
        var currency = Currency(reader, price, "currency", priceAt);
        return value is null || currency is null ? null : Money.FromMinorUnits(value.Value, currency.Value);
    }

    private static ParcelDimensionsCm? Dimensions(FieldReader reader, JsonElement item, string at)
    {
        if (reader.Object(item, "dimensionsCm", at) is not { } dimensions)
        {
            return null;
        }

        var dimensionsAt = at + "/dimensionsCm";
        var length = reader.Decimal(dimensions, "length", dimensionsAt, 0.1m, 1000m);
        var width = reader.Decimal(dimensions, "width", dimensionsAt, 0.1m, 1000m);
        var height = reader.Decimal(dimensions, "height", dimensionsAt, 0.1m, 1000m);
        return length is null || width is null || height is null ? null : new ParcelDimensionsCm(length.Value, width.Value, height.Value);
    }

    private static string? DangerousGoods(FieldReader reader, JsonElement item, string at)
    {
        var text = reader.String(item, "dangerousGoods", at, 6, required: false);
        if (text is not null && !UnNumber().IsMatch(text))
        {
            reader.Fail(at + "/dangerousGoods", $"'{text}' is not a UN number such as UN3481.");
            return null;
        }

        return text;
    }

    private static T? Fail<T>(FieldReader reader, string pointer, string detail)
        where T : struct
    {
        reader.Fail(pointer, detail);
        return null;
    }

    [GeneratedRegex("^UN[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnNumber();
}
