namespace Checkout.Functions.Api;

/// <summary>The merchant API's logs, event ids 4000-4099. No keys, tokens or buyer data.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Request to {Path} refused: missing or unknown API key")]
    public static partial void Unauthenticated(ILogger logger, PathString path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Idempotency-Key of merchant {MerchantId} on {Path}: {Outcome}")]
    public static partial void IdempotencyDecided(ILogger logger, string merchantId, PathString path, IdempotencyOutcome outcome);
}
