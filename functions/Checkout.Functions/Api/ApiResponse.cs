using System.Text.Json;
using Checkout.Functions.Api.Contracts;

namespace Checkout.Functions.Api;

/// <summary>A response as the API sends it and as the idempotency store replays it: status, the headers that matter
/// (Location, Retry-After) and the serialized JSON body.</summary>
internal sealed record ApiResponse(int Status, string ContentType, byte[] Body, string? Location = null, int? RetryAfterSeconds = null) : IResult
{
    /// <summary>The body holds a secret shown only in this answer (a webhook signing secret): the idempotency store
    /// keeps it encrypted.</summary>
    public bool HoldsSecret { get; init; }

    /// <summary>Replayed from the idempotency store rather than produced now: sent as <c>Idempotent-Replayed: true</c>, as
    /// Stripe does, so a client can tell its retry found the first answer.</summary>
    public bool Replayed { get; init; }

    /// <summary>An RFC 8288 <c>Link</c> header, e.g. a list's next page.</summary>
    public string? Link { get; init; }

    public const string JsonContentType = "application/json";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static ApiResponse Json(int status, object body, string? location = null, int? retryAfterSeconds = null) =>
        new(status, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.Options), location, retryAfterSeconds);

    /// <summary>Lets <see cref="ApiProblems"/> return problems where responses are expected.</summary>
    public static implicit operator ApiResponse(ProblemView problem) => FromProblem(problem);

    public static ApiResponse FromProblem(ProblemView problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, ApiProblems.ContentType, JsonSerializer.SerializeToUtf8Bytes(problem, ApiJson.Options));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Link is not null)
        {
            response.Headers.Link = Link;
        }

        if (Replayed)
        {
            response.Headers[ReplayedHeader] = "true";
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
