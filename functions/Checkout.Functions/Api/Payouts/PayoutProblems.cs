using Checkout.Functions.Api.Contracts;

namespace Checkout.Functions.Api.Payouts;

/// <summary>The payout routes' own problem types, in the same RFC 9457 shape and type-URI space as <see cref="ApiProblems"/>.</summary>
internal static class PayoutProblems
{
    public static ApiResponse NotFound(string what, string id) =>
        new ProblemView(ApiProblems.TypeUri("not-found"), $"No such {what}.", StatusCodes.Status404NotFound, $"There is no {what} '{id}'.");

    public static ApiResponse NotRetryable(string id, string status) =>
        new ProblemView(ApiProblems.TypeUri("payout-not-retryable"), "The payout cannot be retried.", StatusCodes.Status409Conflict,
            $"Payout '{id}' is {status}; only a failed or canceled payout is retried.");

    public static ApiResponse RailSignatureInvalid() =>
        new ProblemView(ApiProblems.TypeUri("rail-signature-invalid"), "The Rail-Signature header is missing or invalid.", StatusCodes.Status401Unauthorized,
            "Sign '{t}.{body}' with the rail webhook secret; timestamps more than 5 minutes away are refused.");
}
