using System.Text.Json;
using Checkout.Domain.Geography;
using Checkout.Domain.Payouts;

namespace Checkout.Functions.Api.Payouts;

/// <summary>Reads <see cref="PayoutDestinationRequest"/>, naming every bad field.</summary>
internal static class PayoutDestinationParser
{
    public static (PayoutDestination? Destination, IReadOnlyList<ApiFieldError> Errors) Parse(JsonElement root)
    {
        var reader = new FieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("#", "The body must be a JSON object.");
            return (null, reader.Errors);
        }

        var holder = reader.String(root, "accountHolderName", "#", 100);
        var number = reader.String(root, "accountNumber", "#", 17);
        if (number is not null && (number.Length < 4 || !number.All(char.IsAsciiDigit)))
        {
            reader.Fail("#/accountNumber", "Must be 4 to 17 digits.");
        }

        var country = reader.String(root, "country", "#", 2);
        if (country is not null && !CountryCodes.IsAssigned(country))
        {
            reader.Fail("#/country", "Must be an assigned ISO 3166-1 alpha-2 code in upper case, e.g. US.");
        }

        return reader.HasErrors ? (null, reader.Errors) : (new PayoutDestination(holder!.Trim(), number!, new CountryCode(country!)), reader.Errors);
    }
}
