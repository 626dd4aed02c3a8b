using System.Text.Json.Serialization;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A checkout's refunds, oldest first, in the lists' envelope. A checkout's refunds are one page, so
/// <c>nextCursor</c> is always null, and sent as null (not left out) so a client's paging loop reads it as the end.</summary>
internal sealed record RefundListView(
    IReadOnlyList<RefundView> Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
