using Azure.Data.Tables;

namespace Checkout.Workflows.Storage;

/// <summary>One service page of a table query; <paramref name="ContinuationToken"/> resumes after it, null after the last.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);
