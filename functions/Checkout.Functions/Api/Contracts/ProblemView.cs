using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>An RFC 9457 problem as the API sends it; the optional members are this API's extensions.</summary>
[Description("RFC 9457 problem details (application/problem+json).")]
internal sealed record ProblemView(
    [property: Description("Stable URI of the problem type, e.g. https://checkout.example.com/problems/validation.")] string Type,
    string Title,
    int Status,
    string Detail)
{
    [Description("Each bad field, by JSON Pointer into the body (or the query parameter's name).")]
    public IReadOnlyList<ProblemFieldError>? Errors { get; init; }

    [Description("The business reason, e.g. quote.expired or customs.prohibited.")]
    public string? Code { get; init; }

    [Description("On a 409 from confirm, cancel or payment: the checkout's status now.")]
    public string? CheckoutStatus { get; init; }

    [Description("On a 409 from confirm: the quote to show the buyer and confirm instead (from payment: the quote it would pay).")]
    public CurrentQuoteView? CurrentQuote { get; init; }

    [Description("On a 409 from confirm, cancel or payment: where to read the checkout.")]
    public string? StatusQueryGetUri { get; init; }
}
