using System.Text.Json;

namespace Checkout.Bench;

/// <summary>
/// A checkout's latencies from its own history (server clock, no polling granularity): from <c>CheckoutStarted</c>
/// to the first event that left it <c>awaiting_confirmation</c>, and from <c>ConfirmRequested</c> to <c>completed</c>.
/// </summary>
internal sealed record ServerTimings(double? StartToAwaitingMs, double? ConfirmToCompletedMs)
{
    public static ServerTimings FromStatus(JsonElement status)
    {
        if (!status.TryGetProperty("historyEvents", out var events))
        {
            return new ServerTimings(null, null);
        }

        var history = events.EnumerateArray()
            .Select(e => (Type: e.GetProperty("eventType").GetString(), Status: e.GetProperty("status").GetString(), At: e.GetProperty("timestamp").GetDateTimeOffset()))
            .ToList();
        var started = history.FirstOrDefault(h => h.Type == "CheckoutStarted");
        var awaiting = history.FirstOrDefault(h => h.Status == "awaiting_confirmation");
        var confirmed = history.FirstOrDefault(h => h.Type == "ConfirmRequested");
        var completed = history.FirstOrDefault(h => h.Status == "completed");
        return new ServerTimings(Between(started.Type, started.At, awaiting.Status, awaiting.At), Between(confirmed.Type, confirmed.At, completed.Status, completed.At));
    }

    private static double? Between(string? from, DateTimeOffset fromAt, string? to, DateTimeOffset toAt) =>
        from is null || to is null ? null : Math.Round((toAt - fromAt).TotalMilliseconds, 1);
}
