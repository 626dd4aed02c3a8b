using System.Reflection;
using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;

namespace Checkout.LocalHost.Http;

/// <summary>
/// Turns the documentation attributes on a function method into the endpoint metadata the OpenAPI document is
/// generated from. Summary, description, tags and success responses are standard ASP.NET Core attributes that endpoint
/// routing reads from the method by itself; these are the API's own conventions on top.
/// </summary>
internal static class FunctionDocumentation
{
    public static RouteHandlerBuilder Document(this RouteHandlerBuilder builder, MethodInfo function)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(function);
        if (function.GetCustomAttribute<RequiresApiKeyAttribute>() is not null)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemView), [OpenApiEndpointExtensions.ProblemContentType]));
        }

        if (function.GetCustomAttribute<JsonRequestBodyAttribute>() is { } body)
        {
            builder.DocumentsJsonBody(body.BodyType);
        }

        foreach (var parameter in function.GetCustomAttributes<DocumentedParameterAttribute>())
        {
            builder.DocumentsParameter(parameter.Name, parameter.Location, parameter.Description, parameter.Schema());
        }

        if (function.GetCustomAttribute<PagedListAttribute>() is { } paged)
        {
            builder.WithPaging(paged.DefaultLimit);
        }

        foreach (var header in function.GetCustomAttributes<DocumentedResponseHeaderAttribute>())
        {
            builder.DocumentsResponseHeader(header.Status, header.Name, header.Description);
        }

        if (function.GetCustomAttribute<PollingHeadersAttribute>() is not null)
        {
            builder.WithPollingHeaders();
        }

        if (function.GetCustomAttribute<AcceptsIdempotencyKeyAttribute>() is not null)
        {
            builder.AcceptsIdempotencyKey();
        }

        if (function.GetCustomAttribute<ProducesProblemsAttribute>() is { } problems)
        {
            builder.ProducesProblems([.. problems.Statuses]);
        }

        return builder;
    }
}
