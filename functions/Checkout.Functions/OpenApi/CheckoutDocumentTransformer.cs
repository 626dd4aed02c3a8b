using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>Document-level facts the endpoints cannot state: title, licence, tags, the API-key schemes, and a relative
/// server (the generator would otherwise write the requesting host, and the checked-in copy would depend on it).</summary>
internal sealed class CheckoutDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string CheckoutsTag = "Checkouts";
    public const string EstimatesTag = "Estimates";
    public const string WebhooksTag = "Webhooks";
    public const string PayoutsTag = "Payouts";
    public const string MetaTag = "Service";
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Checkout merchant API",
            Version = "1.0.0",
            Description = "Cross-border checkouts: start one, poll its status (Durable Functions' async HTTP pattern: 202 with " +
                "Location and Retry-After until 200), confirm the landed cost, cancel, list, and price carts. Amounts are " +
                "integers in minor units; errors are RFC 9457 application/problem+json. Every POST accepts an " +
                "Idempotency-Key (kept at least 24 hours). Nothing unknown is ignored: a body field an endpoint does not " +
                "accept, at any depth, answers 400 (problems/unknown-field) and a query parameter it does not take 400 " +
                "(problems/invalid-query), each named in errors, before anything is written.",
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://checkout.example.com/terms") },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document (./run.sh: http://localhost:7071)" }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = CheckoutsTag, Description = "Start, follow, confirm, cancel and list checkouts." },
            new() { Name = EstimatesTag, Description = "Price a cart without starting anything." },
            new() { Name = WebhooksTag, Description = "Where merchant events are delivered (Standard Webhooks signatures)." },
            new() { Name = PayoutsTag, Description = "Balances from the ledger, payouts to the merchant's bank account, and the payout rail's signed events." },
            new() { Name = MetaTag, Description = "Health and this document; no API key." },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The merchant's API key: 'Authorization: Bearer <key>'.",
            },
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-api-key",
                Description = "The merchant's API key in the x-api-key header.",
            },
        };
        return Task.CompletedTask;
    }
}
