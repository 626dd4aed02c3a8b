using Checkout.Domain.Payouts;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>Payout and ledger logs, event ids 6000-6099.</summary>
internal static partial class PayoutLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Capture of checkout {CheckoutId} posted; {NetMinorUnits} minor units of {Currency} credited to merchant {MerchantId}")]
    public static partial void CapturePosted(ILogger logger, string checkoutId, long netMinorUnits, string currency, string merchantId);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Merchant {MerchantId} has no profile; checkout {CheckoutId} settles in its presentment currency")]
    public static partial void NoProfile(ILogger logger, string merchantId, string checkoutId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Payout {PayoutId} attempt {Attempt} moved from {From} to {To}")]
    public static partial void Moved(ILogger logger, string payoutId, int attempt, PayoutStatus from, PayoutStatus to);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Payout step for unknown payout {PayoutId} of merchant {MerchantId}; nothing done")]
    public static partial void Unknown(ILogger logger, string payoutId, string merchantId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Payout {PayoutId} retried as attempt {Attempt}")]
    public static partial void Retried(ILogger logger, string payoutId, int attempt);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Rail webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Payout {PayoutId} attempt {Attempt}: the rail kept failing through every retry; rail status {RailStatus}")]
    public static partial void Poisoned(ILogger logger, string payoutId, int attempt, string railStatus);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Error, Message = "Payout request {Request} failed every delivery (neither sent nor its orchestration started); it is in the poison queue (retry the payout or set the destination to start it)")]
    public static partial void RequestPoisoned(ILogger logger, string request);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Debug, Message = "Payout {PayoutId} lost an ETag race; re-reading")]
    public static partial void Conflict(ILogger logger, string payoutId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Unreadable message on the payouts queue, dropped: {Reason}")]
    public static partial void UnreadableMessage(ILogger logger, string reason);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Payout {PayoutId}: the rail's update could not be raised into its orchestration ({Reason}); its next status poll will see it")]
    public static partial void RailUpdateNotRaised(ILogger logger, string payoutId, string reason);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "Payout {PayoutId}: its first send failed ({Reason}); its orchestration retries it")]
    public static partial void FirstSendFailed(ILogger logger, string payoutId, string reason);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Information, Message = "Payout {PayoutId} keeps back {KeptMinorUnits} minor units of {Currency} for merchant {MerchantId}'s refund deficit")]
    public static partial void DeficitKept(ILogger logger, string payoutId, long keptMinorUnits, string currency, string merchantId);
}
