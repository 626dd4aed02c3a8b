namespace Checkout.Functions.Api;

/// <summary>The management URIs of one checkout, absolute on the host the client called, as Durable's
/// <c>CreateCheckStatusResponse</c> gives them.</summary>
internal sealed record CheckoutLinks(string StatusQueryGetUri, string ConfirmPostUri, string CancelPostUri)
{
    public static CheckoutLinks For(HttpRequest request, string checkoutId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = $"{request.Scheme}://{request.Host}/api/{CheckoutFunctions.CheckoutsRoute}/{Uri.EscapeDataString(checkoutId)}";
        return new CheckoutLinks(status, status + "/confirm", status + "/cancel");
    }
}
