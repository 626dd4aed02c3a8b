using System.Text.Json;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;

namespace Checkout.Functions.Api.Payouts;

/// <summary>Reads <see cref="PayoutDestinationRequest"/>, naming every unknown field (400) or else every bad one (422):
/// the account fields the country's scheme needs (<see cref="BankAccountSchema"/>) and the currency its accounts are
/// held in. No message repeats an account number.</summary>
internal static class PayoutDestinationParser
{
    private static readonly string[] AccountFields = ["iban", "bic", "cardNumber", "bankName", "bankCode", "branchCode", "accountNumber", "routingNumber"];

    public static (PayoutDestination? Destination, ApiResponse? Problem) Parse(JsonElement root)
    {
        var (destination, reader) = Read(root);
        return destination is null ? (null, reader.Problem()) : (destination, null);
    }

    /// <summary>The same checks for a caller that is not answering HTTP (the merchants command): unknown fields first,
    /// else every bad one.</summary>
    public static (PayoutDestination? Destination, IReadOnlyList<ApiFieldError> Errors) ParseFields(JsonElement root)
    {
        var (destination, reader) = Read(root);
        var unknown = reader.UnknownFields();
        return (destination, unknown.Count > 0 ? unknown : reader.Errors);
    }

    private static (PayoutDestination? Destination, FieldReader Reader) Read(JsonElement root)
    {
        var reader = new FieldReader(root);
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("#", "The body must be a JSON object.");
            return (null, reader);
        }

        var holder = reader.String(root, "accountHolderName", "#", 100);
        var country = reader.String(root, "country", "#", 2);
        if (country is not null && !CountryCodes.IsAssigned(country))
        {
            reader.Fail("#/country", "Must be an assigned ISO 3166-1 alpha-2 code in upper case, e.g. PK.");
            country = null;
        }

        var currencyText = reader.String(root, "currency", "#", 3);
        var fields = AccountFields.ToDictionary(f => f, f => reader.String(root, f, "#", 40, required: false), StringComparer.Ordinal);
        if (country is null)
        {
            return (null, reader);
        }

        var (account, problems) = BankAccountSchema.Read(country, new BankAccountFields(
            fields["iban"], fields["bic"], fields["cardNumber"], fields["bankName"], fields["bankCode"], fields["branchCode"], fields["accountNumber"], fields["routingNumber"]));
        foreach (var problem in problems)
        {
            reader.Fail(FieldReader.Path("#", problem.Field), problem.Message);
        }

        var currencies = BankAccountSchema.CurrenciesFor(country);
        if (currencyText is not null && currencies.Count > 0 && !currencies.Contains(currencyText))
        {
            reader.Fail("#/currency", $"Payouts to {country} bank accounts are made in {string.Join(" or ", currencies)}.");
        }

        return reader.HasErrors || reader.UnknownFields().Count > 0 || holder is null || currencyText is null
            ? (null, reader)
            : (new PayoutDestination(holder.Trim(), new CountryCode(country), new CurrencyCode(currencyText), account!), reader);
    }
}
