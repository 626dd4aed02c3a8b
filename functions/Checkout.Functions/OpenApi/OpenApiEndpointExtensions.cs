using Checkout.Functions.Api.Contracts;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>Endpoint metadata shared by the merchant API's routes, so every route documents the same problem shape.</summary>
internal static class OpenApiEndpointExtensions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Each status answers an RFC 9457 problem (<see cref="ProblemView"/>).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.Produces<ProblemView>(status, ProblemContentType);
        }

        return builder;
    }

    /// <summary>
    /// Documents the JSON request body. Not <c>Accepts&lt;T&gt;()</c>: that also makes routing answer a wrong content type
    /// itself, before the endpoint's own 415 problem naming the type it got.
    /// </summary>
    public static RouteHandlerBuilder DocumentsJsonBody(this RouteHandlerBuilder builder, Type bodyType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(bodyType, cancellationToken: cancellationToken) },
                },
            };
        });

    /// <summary>Documents the optional <c>Idempotency-Key</c> request header of a POST.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Required = false,
                Description = "Retries with the same key and request (the same JSON meaning: whitespace and member order do " +
                    "not count) replay the first answer, marked with the response header Idempotent-Replayed: true; a " +
                    "different request answers 422, a retry while the first is in flight 409. Scoped per merchant, kept " +
                    "at least 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            });
            return Task.CompletedTask;
        });

    /// <summary>Documents an optional string parameter the endpoint reads itself (so that it can answer its own 400
    /// problem naming the parameter, rather than the framework's binding failure).</summary>
    public static RouteHandlerBuilder DocumentsParameter(this RouteHandlerBuilder builder, string name, ParameterLocation location, string description, OpenApiSchema schema) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = location, Required = false, Description = description, Schema = schema });
            return Task.CompletedTask;
        });

    /// <summary>Documents a response header of one status.</summary>
    public static RouteHandlerBuilder DocumentsResponseHeader(this RouteHandlerBuilder builder, int status, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

    /// <summary>Documents the paging every list shares: <c>limit</c>, <c>cursor</c> and the 200's <c>Link</c> header.</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder, int defaultLimit) => builder
        .DocumentsParameter(Api.PageRequest.LimitParameter, ParameterLocation.Query,
            $"Page size, 1 to {Api.PageRequest.MaxLimit} (default {defaultLimit}). A page may hold fewer items, even none, and still be followed by more.",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Api.PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        .DocumentsParameter(Api.PageRequest.CursorParameter, ParameterLocation.Query,
            "The previous page's nextCursor, unchanged, sent with the same filters; another list's cursor, or one sent with other filters, answers 400.",
            new OpenApiSchema { Type = JsonSchemaType.String })
        .DocumentsResponseHeader(StatusCodes.Status200OK, "Link",
            "Present while more pages follow: <absolute URL of the next page>; rel=\"next\" (RFC 8288), the request's filters and limit kept with the next cursor.");

    /// <summary>Documents Location and Retry-After on a 202, as Durable's async HTTP pattern sends them.</summary>
    public static RouteHandlerBuilder WithPollingHeaders(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The status URI to poll.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                };
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before polling.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }

            return Task.CompletedTask;
        });
}
