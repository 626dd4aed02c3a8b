namespace Checkout.Domain.ReferenceData;

/// <summary>
/// Where versioned reference data files (rates, customs rules, carriers) come from. The domain parses and validates
/// them; it never decides where they live. The default reads the files embedded in this assembly.
/// </summary>
public interface IReferenceDataSource
{
    /// <summary>Opens a file by its path relative to the reference-data root, e.g. <c>fx/eurofxref-daily.xml</c>.</summary>
    Stream Open(string path);

    /// <summary>The paths of the files under a folder, e.g. <c>customs/</c>, in ordinal order.</summary>
    IReadOnlyList<string> List(string folder);
}
