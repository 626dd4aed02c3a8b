using Checkout.Testing;

namespace Checkout.Functions.Tests;

/// <summary>Keeps one worker process alive and SIGKILLs it at random moments (every 2-5 s, at most
/// <paramref name="maxCrashes"/> times), restarting it each time. Kills far more often than a worker can start would
/// only measure start-up time; each kill also costs the messages it held one delivery of their five.</summary>
internal sealed class WorkerChaos(Func<AppProcess> start, Random random, int maxCrashes) : IDisposable
{
    private readonly object _gate = new();
    private AppProcess _current = start();

    public int Crashes { get; private set; }

    public AppProcess Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && Crashes < maxCrashes)
        {
            try
            {
                await Task.Delay(random.Next(2000, 5000), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                _current.Dispose();
                Crashes++;
                _current = start();
            }
        }
    }

    public void Dispose() => Current.Dispose();
}
