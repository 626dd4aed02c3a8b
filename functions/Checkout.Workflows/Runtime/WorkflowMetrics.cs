namespace Checkout.Workflows.Runtime;

/// <summary>Counters the tests and the benchmark read: ETag races lost and resolved, duplicates dropped.</summary>
public sealed class WorkflowMetrics
{
    private long _etagConflicts;
    private long _duplicatesIgnored;

    public long EtagConflicts => Interlocked.Read(ref _etagConflicts);

    public long DuplicatesIgnored => Interlocked.Read(ref _duplicatesIgnored);

    public void EtagConflict() => Interlocked.Increment(ref _etagConflicts);

    public void DuplicateIgnored() => Interlocked.Increment(ref _duplicatesIgnored);
}
