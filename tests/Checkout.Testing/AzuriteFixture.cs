namespace Checkout.Testing;

/// <summary>
/// One Azurite per test process, shared by every test class that takes this fixture; tests stay independent through
/// unique queue and table names (<see cref="UniqueName"/>). Azurite is killed when the test process exits.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteProcess? shared;

    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite fixture not initialized.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                shared = await AzuriteProcess.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _azurite = shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
