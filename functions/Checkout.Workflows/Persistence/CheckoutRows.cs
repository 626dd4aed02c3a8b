namespace Checkout.Workflows.Persistence;

/// <summary>
/// Row layout of one checkout's partition. Keys sort so that one range query (<c>RowKey ge 'o-'</c>) returns the
/// outbox rows and the state row together, and history rows (<c>h-</c>) stay out of that hot read.
/// </summary>
internal static class CheckoutRows
{
    public const string StateRowKey = "state";
    public const string HistoryPrefix = "h-";
    public const string OutboxPrefix = "o-";

    /// <summary>Stays under the 32K UTF-16 character (64 KiB) limit of one string property.</summary>
    public const int ChunkChars = 30_000;

    /// <summary>Leaves headroom under the 1 MiB entity limit for the other columns.</summary>
    public const int MaxStateChars = 900_000 / 2;

    public static string History(int sequence) => $"{HistoryPrefix}{sequence:D6}";

    public static string Outbox(int sequence, int index) => $"{OutboxPrefix}{sequence:D6}-{index:D2}";
}
