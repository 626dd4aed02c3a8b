using System.Text.Json;
using Checkout.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Checkout.Functions.Tests.Api;

/// <summary><see cref="PageRequest"/> and <see cref="ListCursor"/>: a cursor comes back only to the list, merchant and
/// filters that issued it; anything else is named as the bad <c>cursor</c>.</summary>
public sealed class PageRequestTests
{
    [Fact]
    public void Read_NextCursorOfTheSameListAndFilters_ResumesWhereThePageStopped()
    {
        var first = Read("?limit=2", "checkouts", "mer_a", ["completed"]);
        var cursor = first.NextCursor("position 1")!;

        var next = Read("?limit=3&cursor=" + Uri.EscapeDataString(cursor), "checkouts", "mer_a", ["completed"]);

        Assert.Equal((2, null), (first.Limit, first.After));
        Assert.Equal((3, "position 1"), (next.Limit, next.After));
        Assert.Null(next.NextCursor(null));
    }

    [Theory]
    [InlineData("payouts", "mer_a", "completed")]
    [InlineData("checkouts", "mer_b", "completed")]
    [InlineData("checkouts", "mer_a", "canceled")]
    [InlineData("checkouts", "mer_a", null)]
    public void Read_CursorOfAnotherListMerchantOrFilters_IsRefusedNamingTheCursor(string list, string merchant, string? status)
    {
        var cursor = Read(string.Empty, "checkouts", "mer_a", ["completed"]).NextCursor("position 1")!;
        var reader = new QueryReader(Query("?cursor=" + Uri.EscapeDataString(cursor)));

        PageRequest.Read(reader, list, merchant, [status]);

        Assert.Equal(["cursor"], Pointers(reader.Problem()!));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=+5", "limit")]
    [InlineData("?cursor=", "cursor")]
    [InlineData("?cursor=eyJsaXN0IjoxfQ", "cursor")]
    public void Read_BadLimitOrCursor_IsNamed(string query, string parameter)
    {
        var reader = new QueryReader(Query(query));

        PageRequest.Read(reader, "payouts", "mer_a", []);

        Assert.Equal([parameter], Pointers(reader.Problem()!));
    }

    [Fact]
    public void Read_NoLimit_IsTheListsDefault()
    {
        Assert.Equal(PageRequest.DefaultLimit, Read(string.Empty, "payouts", "mer_a", []).Limit);
        Assert.Equal(7, PageRequest.Read(new QueryReader(Query(string.Empty)), "payouts", "mer_a", [], defaultLimit: 7).Limit);
    }

    private static PageRequest Read(string query, string list, string merchant, string?[] filters)
    {
        var reader = new QueryReader(Query(query));
        var page = PageRequest.Read(reader, list, merchant, filters);
        Assert.Null(reader.Problem());
        return page;
    }

    private static QueryCollection Query(string text) => new(QueryHelpers.ParseQuery(text));

    private static string[] Pointers(ApiResponse problem)
    {
        using var json = JsonDocument.Parse(problem.Body);
        return [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!)];
    }
}
