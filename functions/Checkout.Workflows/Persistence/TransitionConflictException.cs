namespace Checkout.Workflows.Persistence;

/// <summary>Another worker changed the checkout since it was read (ETag mismatch): re-read and re-decide.</summary>
public sealed class TransitionConflictException : Exception
{
    public TransitionConflictException()
    {
    }

    public TransitionConflictException(string message)
        : base(message)
    {
    }

    public TransitionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
