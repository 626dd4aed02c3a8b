using Checkout.Workflows.Payouts;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Payouts;

/// <summary><c>POST /api/payout-rail/events</c>: the payout rail's signed status updates. Not behind merchant API keys:
/// the <c>Rail-Signature</c> HMAC over the raw body is the authentication, checked before anything is read.</summary>
internal static class RailWebhookReceiver
{
    public static async Task<IResult> ReceiveAsync(HttpContext context, RailWebhookHandler handler, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var (body, tooLarge) = await ProviderWebhookBody.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        var outcome = await handler.HandleAsync(body, context.Request.Headers[RailWebhookHandler.SignatureHeader], client, cancellationToken);
        return outcome switch
        {
            RailWebhookOutcome.Accepted => Results.Ok(),
            RailWebhookOutcome.Malformed => ApiProblems.MalformedJson("The signed body is not a payout update."),
            _ => PayoutProblems.RailSignatureInvalid(),
        };
    }
}
