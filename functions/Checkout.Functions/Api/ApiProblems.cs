using Checkout.Functions.Api.Contracts;

namespace Checkout.Functions.Api;

/// <summary>
/// The one place failures become RFC 9457 <c>application/problem+json</c>. Each problem type has a stable URI, title
/// and status; validation problems add an <c>errors</c> list naming each bad field by JSON Pointer.
/// </summary>
internal static class ApiProblems
{
    public const string ContentType = "application/problem+json";
    private const string TypeBase = "https://checkout.example.com/problems/";

    public static ApiResponse MalformedJson(string detail) => Problem(400, "malformed-json", "The request body is not valid JSON.", detail);

    public static ApiResponse Validation(IReadOnlyList<ApiFieldError> errors) =>
        Problem(422, "validation", "The request has invalid fields.", $"{errors.Count} field(s) are invalid.") with
        {
            Errors = [.. errors.Select(e => new ProblemFieldError(e.Pointer, e.Detail))],
        };

    /// <summary>Fields the endpoint does not know: 400, naming each by JSON Pointer in <c>errors</c>, before anything
    /// else about the body is judged (a misspelt optional field would otherwise be silently dropped).</summary>
    public static ApiResponse UnknownFields(IReadOnlyList<ApiFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Problem(400, "unknown-field", "The request has fields this endpoint does not accept.",
            $"Unknown field(s): {string.Join(", ", errors.Select(e => e.Pointer))}.") with
        {
            Errors = [.. errors.Select(e => new ProblemFieldError(e.Pointer, e.Detail))],
        };
    }

    public static ApiResponse UnsupportedMediaType(string? contentType) =>
        Problem(415, "unsupported-media-type", "The request body must be application/json.", $"Content-Type '{contentType}' is not accepted.");

    public static ApiResponse PayloadTooLarge(long limit) =>
        Problem(413, "payload-too-large", "The request body is too large.", $"The body must be at most {limit} bytes.");

    public static ApiResponse Unauthorized() =>
        Problem(401, "unauthorized", "A valid API key is required.", "Send the key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.");

    /// <summary>The operations console's sign-in failed, or the console is not set up here; the detail says which.</summary>
    public static ApiResponse OperatorUnauthorized(string detail) =>
        Problem(401, "operator-unauthorized", "An operator key and name are required.", detail);

    public static ApiResponse NotFound(string id) =>
        Problem(404, "not-found", "No such checkout.", $"There is no checkout '{id}'.");

    /// <summary>A 404 for a resource that is not a checkout: <paramref name="what"/> names it ("poison message").</summary>
    public static ApiResponse NotFound(string what, string id, string? why = null) =>
        Problem(404, "not-found", $"No such {what}.", $"There is no {what} '{id}'{(why is null ? "." : $": {why}")}");

    public static ApiResponse RefundNotFound(string id) =>
        Problem(404, "not-found", "No such refund.", $"There is no refund '{id}'.");

    public static ApiResponse Gone(string id, string status) =>
        Problem(410, "checkout-terminal", "The checkout has ended.", $"Checkout '{id}' is {status}; it cannot be changed.");

    /// <param name="problem">Adds the conflict's extensions (code, checkout status, current quote) to the base problem.</param>
    public static ApiResponse Conflict(string code, string detail, Func<ProblemView, ProblemView> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem(Problem(409, code.Replace('.', '-').Replace('_', '-'), "The checkout cannot do that now.", detail) with { Code = code });
    }

    public static ApiResponse EstimateRejected(string code, string detail) =>
        Problem(422, "estimate-rejected", "The cart cannot be shipped as asked.", detail) with { Code = code };

    /// <summary>A bad query parameter: 400, naming the parameter in <c>errors</c>.</summary>
    public static ApiResponse BadQuery(IReadOnlyList<ApiFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Problem(400, "invalid-query", "The query has invalid parameters.", string.Join(" ", errors.Select(e => $"{e.Pointer}: {e.Detail}"))) with
        {
            Errors = [.. errors.Select(e => new ProblemFieldError(e.Pointer, e.Detail))],
        };
    }

    public static ApiResponse IdempotencyKeyInvalid(string detail) =>
        Problem(400, "idempotency-key-invalid", "The Idempotency-Key header is invalid.", detail);

    public static ApiResponse IdempotencyKeyReused() =>
        Problem(422, "idempotency-key-reused", "Idempotency-Key is already used.",
            "This Idempotency-Key was first used with a different request body; use a new key for a different request.");

    public static ApiResponse IdempotencyKeyInFlight() =>
        Problem(409, "idempotency-key-in-flight", "A request is outstanding for this Idempotency-Key.",
            "A request with the same Idempotency-Key is still being processed; retry later.");

    public static ApiResponse WebhookNotFound(string what, string id) =>
        Problem(404, "not-found", $"No such webhook {what}.", $"There is no webhook {what} '{id}'.");

    public static ApiResponse WebhookConflict(string slug, string title, string detail) => Problem(409, slug, title, detail);

    /// <summary>The checkout's workflow has not started yet (the engine has not committed its start, which only a crash
    /// delays for long); nothing was raised, and retrying shortly with the same request helps.</summary>
    public static ApiResponse CheckoutStarting(string id) =>
        ApiResponse.FromProblem(Problem(503, "checkout-starting", "The checkout is still starting.",
            $"Checkout '{id}' has not started its workflow yet, so the request was not passed on; retry it shortly.") with { Code = "checkout.starting" })
        with { RetryAfterSeconds = 1 };

    /// <summary>Nothing can be quoted until the live rate feeds have answered once; retrying later helps.</summary>
    public static ApiResponse FxRatesUnavailable(string detail) =>
        ApiResponse.FromProblem(Problem(503, "fx-rates-unavailable", "No FX rates are available yet.", detail) with { Code = "fx.rates_unavailable" })
        with { RetryAfterSeconds = 60 };

    /// <summary>A failure the function did not expect; the detail says only where to look, never what broke.</summary>
    public static ApiResponse Internal(string invocationId) =>
        Problem(500, "internal-error", "The request failed.", $"Nothing was answered for it; the app's log has the cause under trace id {invocationId}.");

    public static string TypeUri(string slug) => TypeBase + slug;

    private static ProblemView Problem(int status, string slug, string title, string detail) => new(TypeUri(slug), title, status, detail);
}
