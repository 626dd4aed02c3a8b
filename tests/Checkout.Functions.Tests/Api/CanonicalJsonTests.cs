using System.Text;
using Checkout.Functions.Api;

namespace Checkout.Functions.Tests.Api;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":"x","d":[1,2]}}""", """ { "b" : { "d" : [ 1, 2 ], "c" : "x" }, "a" : 1 } """)]
    [InlineData("""{"s":"A"}""", """{"s":"\u0041"}""")]
    [InlineData("""[{"b":null,"a":true}]""", """[{"a":true,"b":null}]""")]
    public void SameMeaning_SameBytes(string one, string other) =>
        Assert.Equal(Canonical(one), Canonical(other));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":1}""", """{"a":1.0}""")]
    [InlineData("""{"a":"x"}""", """{"A":"x"}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""")]
    public void DifferentMeaning_DifferentBytes(string one, string other) =>
        Assert.NotEqual(Canonical(one), Canonical(other));

    [Fact]
    public void NotJson_IsNull() => Assert.Null(CanonicalJson.TryCanonicalize(Encoding.UTF8.GetBytes("{not json")));

    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.TryCanonicalize(Encoding.UTF8.GetBytes(json))!);
}
