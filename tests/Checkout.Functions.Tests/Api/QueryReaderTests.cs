using System.Text.Json;
using Checkout.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Checkout.Functions.Tests.Api;

/// <summary><see cref="QueryReader"/>: parameters no read asked for are refused with the bad ones, each named.</summary>
public sealed class QueryReaderTests
{
    [Fact]
    public void Problem_OnlyKnownParameters_IsNull()
    {
        var reader = new QueryReader(Query("?limit=5&cursor=abc"));

        Assert.Equal("5", reader.Single("limit"));
        Assert.Equal("abc", reader.Single("cursor"));
        Assert.Null(reader.Single("absent"));
        Assert.Null(reader.Problem());
    }

    [Fact]
    public void Problem_UnknownParameters_Is400InvalidQueryNamingEach()
    {
        var reader = new QueryReader(Query("?limit=5&page=2&sort"));
        reader.Single("limit");

        Assert.Equal(["page", "sort"], Pointers(reader.Problem()!));
    }

    [Fact]
    public void Problem_NothingRead_RefusesEveryParameter()
    {
        Assert.Equal(["x"], Pointers(new QueryReader(Query("?x=1")).Problem()!));
        Assert.Null(new QueryReader(Query(string.Empty)).Problem());
    }

    [Fact]
    public void Single_NameInAnotherCase_IsTheKnownParameter()
    {
        var reader = new QueryReader(Query("?LIMIT=5"));

        Assert.Equal("5", reader.Single("limit"));
        Assert.Null(reader.Problem());
    }

    [Fact]
    public void Single_GivenTwice_IsAnError()
    {
        var reader = new QueryReader(Query("?limit=5&limit=6"));

        Assert.Null(reader.Single("limit"));
        Assert.Equal(["limit"], Pointers(reader.Problem()!));
    }

    private static QueryCollection Query(string text) => new(QueryHelpers.ParseQuery(text));

    private static string[] Pointers(ApiResponse problem)
    {
        Assert.Equal(400, problem.Status);
        using var json = JsonDocument.Parse(problem.Body);
        Assert.Equal(ApiProblems.TypeUri("invalid-query"), json.RootElement.GetProperty("type").GetString());
        return [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!)];
    }
}
