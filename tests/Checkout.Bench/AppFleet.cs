using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// The app instances of one run: real processes of the built app on the same Azurite and resource prefix, in
/// Development. Sums their storage counters; an instance about to be killed is read first, so its work still counts.
/// </summary>
internal sealed class AppFleet : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly object _gate = new();
    private readonly AppProcess[] _instances;
    private readonly Func<AppProcess> _start;
    private readonly CheckoutApiClient _probe = new(_ => throw new InvalidOperationException("Probe client has no slots."));
    private StorageSnapshot _retired = StorageSnapshot.Empty;

    private AppFleet(Func<AppProcess> start, int count)
    {
        _start = start;
        _instances = [.. Enumerable.Range(0, count).Select(_ => start())];
    }

    public int Count => _instances.Length;

    public int Restarts { get; private set; }

    public static async Task<AppFleet> StartAsync(string connectionString, string prefix, int count, IReadOnlyDictionary<string, string> extraSettings)
    {
        var settings = new Dictionary<string, string>(extraSettings)
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout__ResourcePrefix"] = prefix,
        };
        var fleet = new AppFleet(() => AppProcess.Start(settings), count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                await fleet.WaitHealthyAsync(fleet.Instance(i));
            }
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }

        return fleet;
    }

    /// <summary>The instance serving request slot <paramref name="slot"/>: round-robin, so each checkout sticks to one
    /// instance until a retry moves it on.</summary>
    public Uri AddressFor(int slot) => Instance((int)((uint)slot % (uint)_instances.Length)).BaseAddress;

    /// <summary>Counters of every instance alive now plus those read from instances before they were killed.</summary>
    public async Task<StorageSnapshot> StorageOperationsAsync(CancellationToken ct)
    {
        var total = _retired;
        for (var i = 0; i < _instances.Length; i++)
        {
            total = total.Plus(await _probe.StorageOperationsAsync(Instance(i).BaseAddress, ct));
        }

        return total;
    }

    /// <summary>Reads the instance's counters, SIGKILLs it and starts a replacement (on a new port), waiting until it is healthy.</summary>
    public async Task KillAndRestartAsync(int index, CancellationToken ct)
    {
        var victim = Instance(index);
        try
        {
            _retired = _retired.Plus(await _probe.StorageOperationsAsync(victim.BaseAddress, ct));
        }
        catch (HttpRequestException)
        {
            // Unreachable right now (e.g. during the Azurite restart): its counts are lost, the run says approximate.
        }

        victim.Crash();
        var replacement = _start();
        lock (_gate)
        {
            _instances[index] = replacement;
            Restarts++;
        }

        victim.Dispose();
        await WaitHealthyAsync(replacement);
    }

    /// <summary>CPU time the instances alive now have used; an instance killed takes its share with it.</summary>
    public TimeSpan ProcessorTime()
    {
        var total = TimeSpan.Zero;
        for (var i = 0; i < _instances.Length; i++)
        {
            total += Instance(i).ProcessorTime;
        }

        return total;
    }

    public string Output(int index) => Instance(index).Output;

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_instances.Select(i => i.StopAsync(TimeSpan.FromSeconds(15))));
        _probe.Dispose();
    }

    private AppProcess Instance(int index)
    {
        lock (_gate)
        {
            return _instances[index];
        }
    }

    private async Task WaitHealthyAsync(AppProcess app)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await _probe.IsHealthyAsync(app.BaseAddress, CancellationToken.None))
        {
            if (app.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"App instance on {app.BaseAddress} did not become healthy:\n{app.Output}");
            }

            await Task.Delay(100);
        }
    }
}
