using System.Text.Json;
using Checkout.Domain.Geography;
using Checkout.Domain.Payouts;

namespace Checkout.Functions.Api.Payouts;

/// <summary>Reads <see cref="PayoutDestinationRequest"/>, naming every unknown field (400) or else every bad one (422).</summary>
internal static class PayoutDestinationParser
{
    public static (PayoutDestination? Destination, ApiResponse? Problem) Parse(JsonElement root)
    {
        var reader = new FieldReader(root);
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("#", "The body must be a JSON object.");
            return (null, reader.Problem());
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

        return reader.Problem() is { } problem ? (null, problem) : (new PayoutDestination(holder!.Trim(), number!, new CountryCode(country!)), null);
    }
}
