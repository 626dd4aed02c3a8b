using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of every list: one page of items and the cursor of the next (see <see cref="PagedListResponse"/>).</summary>
/// <typeparam name="T">The list's item.</typeparam>
internal sealed record ListPage<T>(
    IReadOnlyList<T> Data,
    [property: Description("Pass as cursor to get the next page; null on the last page. A page may hold fewer items than limit, even none, and still be followed by more: only null ends the list.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    string? NextCursor);
