using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// Every <c>killEvery</c>, up to <c>maxKills</c> times, SIGKILLs one app instance (taking turns) and starts a replacement; once, half a period
/// after the first kill, restarts Azurite gracefully (SIGTERM: a SIGKILLed Azurite can lose data it acknowledged, which
/// would test Azurite, not us). Kills and the Azurite restart never overlap: a replacement starting while storage is
/// down would fail its start-up checks.
/// </summary>
internal sealed class ChaosMonkey(AppFleet fleet, AzuriteProcess azurite, TimeSpan killEvery, int maxKills, bool restartAzurite)
{
    public int Kills { get; private set; }

    public bool AzuriteRestarted { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (Kills < maxKills)
            {
                await Task.Delay(killEvery, stop);
                await fleet.KillAndRestartAsync(Kills % fleet.Count, CancellationToken.None);
                Kills++;
                if (restartAzurite && !AzuriteRestarted)
                {
                    await Task.Delay(killEvery / 2, stop);
                    await azurite.RestartAsync(CancellationToken.None);
                    AzuriteRestarted = true;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load finished: chaos stops with it.
        }
    }
}
