using System.Text.Json.Nodes;

namespace Checkout.Workflows.Events;

/// <summary>
/// Something a merchant's webhook endpoints hear about: <c>{ "type", "timestamp", "data" }</c> on the wire. The id is
/// derived from what happened (e.g. <c>{checkoutId}.checkout.completed</c>, <c>{payoutId}.payout.paid</c>), never
/// random, so a redelivered step publishes the same event again and receivers dedupe on <c>webhook-id</c>.
/// </summary>
public sealed record MerchantEvent(string Id, string MerchantId, string Type, DateTimeOffset Timestamp, JsonObject Data);
