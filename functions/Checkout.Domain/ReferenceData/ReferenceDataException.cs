namespace Checkout.Domain.ReferenceData;

/// <summary>A reference data file that cannot be trusted: names the file, the entry and the reason.</summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException(string file, string entry, string reason)
        : base($"Reference data {file}, entry {entry}: {reason}")
    {
        File = file;
        Entry = entry;
        Reason = reason;
    }

    /// <param name="innerException">The parser error behind the reason, kept for diagnosis.</param>
    public ReferenceDataException(string file, string entry, string reason, Exception innerException)
        : base($"Reference data {file}, entry {entry}: {reason}", innerException)
    {
        File = file;
        Entry = entry;
        Reason = reason;
    }

    public ReferenceDataException()
    {
        File = Entry = Reason = string.Empty;
    }

    public ReferenceDataException(string message)
        : base(message)
    {
        File = Entry = Reason = string.Empty;
    }

    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Entry = Reason = string.Empty;
    }

    public string File { get; }

    public string Entry { get; }

    public string Reason { get; }
}
