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
}
