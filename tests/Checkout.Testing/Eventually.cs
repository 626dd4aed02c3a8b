namespace Checkout.Testing;

/// <summary>Polls a condition until it holds or a timeout passes: integration tests wait on state, never on sleeps.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting until {because}; last value: {last}");
            }

            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }

    /// <summary>
    /// Waits until <paramref name="countDone"/> reaches <paramref name="target"/>, failing only when the count stops
    /// growing for <paramref name="stallLimit"/>. Bulk work (hundreds of checkouts through crashes) takes as long as
    /// the machine's load makes it take; what a test must catch is work that stopped, not work that is slow.
    /// </summary>
    public static async Task WhileProgressingAsync(
        Func<Task<int>> countDone, int target, TimeSpan stallLimit, string because, Func<Task<string>>? describe = null)
    {
        var best = await countDone();
        var lastProgress = DateTime.UtcNow;
        while (best < target)
        {
            if (DateTime.UtcNow - lastProgress > stallLimit)
            {
                var detail = describe is null ? string.Empty : "; " + await describe();
                throw new TimeoutException(
                    $"No progress for {stallLimit} waiting until {because}: {best} of {target} done{detail}");
            }

            await Task.Delay(500);
            var count = await countDone();
            if (count > best)
            {
                best = count;
                lastProgress = DateTime.UtcNow;
            }
        }
    }
}
