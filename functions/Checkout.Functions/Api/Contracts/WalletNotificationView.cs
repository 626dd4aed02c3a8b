using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>What became of a wallet notification.</summary>
internal sealed record WalletNotificationView(
    [property: Description("accepted (raised into the checkout), duplicate (handled before: nothing changed) or ignored (the checkout no longer waits on that payment: nothing changed).")] string Outcome);
