namespace Checkout.Functions.Api;

/// <summary>The management URIs of one checkout, absolute on the host the client called, as Durable's
/// <c>CreateCheckStatusResponse</c> gives them.</summary>
internal sealed record CheckoutLinks(string StatusQueryGetUri, string ConfirmPostUri, string CancelPostUri)
{
    public static CheckoutLinks For(HttpRequest request, string checkoutId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = Absolute(request, $"{CheckoutFunctions.CheckoutsRoute}/{Uri.EscapeDataString(checkoutId)}");
        return new CheckoutLinks(status, status + "/confirm", status + "/cancel");
    }

    /// <summary>Where a new payment method goes after a decline.</summary>
    public string PaymentPostUri => StatusQueryGetUri + "/payment";

    /// <summary>An API route as an absolute URI on the host the client called (every <c>Location</c> is one).</summary>
    /// <param name="route">The route under <c>/api/</c>, its segments already escaped.</param>
    public static string Absolute(HttpRequest request, string route)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/api/{route}";
    }

    /// <summary>The request's own route with another query, absolute on the host the client called (a list's next page).</summary>
    public static string SameRoute(HttpRequest request, QueryString query)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{query.ToUriComponent()}";
    }
}
