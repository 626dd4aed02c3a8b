namespace Checkout.Storage.Tables;

/// <summary>One embedded HTTP response of a transaction response; header names are lower-cased.</summary>
internal sealed record TableSubResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
