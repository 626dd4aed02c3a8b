namespace Checkout.Bench;

/// <summary>A live status line (rewritten in place on a terminal, one line every few seconds when redirected).</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly string _label;
    private readonly int _total;
    private readonly DateTime _start = DateTime.UtcNow;
    private readonly Timer _timer;
    private int _started;
    private int _done;
    private int _failed;
    private DateTime _lastRedirectedWrite;

    public ProgressLine(string label, int total)
    {
        _label = label;
        _total = total;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public void Started() => Interlocked.Increment(ref _started);

    public void Finished(bool ok) => Interlocked.Increment(ref ok ? ref _done : ref _failed);

    public void Dispose()
    {
        _timer.Dispose();
        Draw(final: true);
    }

    private void Draw(bool final = false)
    {
        var elapsed = (DateTime.UtcNow - _start).TotalSeconds;
        var done = Volatile.Read(ref _done);
        const int width = 30;
        var filled = _total == 0 ? width : width * (done + Volatile.Read(ref _failed)) / _total;
        var line = FormattableString.Invariant(
            $"{_label} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{_total} completed, {Volatile.Read(ref _failed)} failed, {Volatile.Read(ref _started) - done - Volatile.Read(ref _failed)} in flight, {elapsed:F0}s, {done / Math.Max(elapsed, 0.001):F1}/s");
        if (!Console.IsOutputRedirected)
        {
            Console.Write("\r" + line.PadRight(Console.BufferWidth > 0 ? Math.Min(Console.BufferWidth - 1, 160) : 120));
            if (final)
            {
                Console.WriteLine();
            }
        }
        else if (final || DateTime.UtcNow - _lastRedirectedWrite > TimeSpan.FromSeconds(5))
        {
            _lastRedirectedWrite = DateTime.UtcNow;
            Console.WriteLine(line);
        }
    }
}
