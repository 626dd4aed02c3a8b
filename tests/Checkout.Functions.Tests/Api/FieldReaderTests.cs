using System.Text.Json;
using Checkout.Functions.Api;

namespace Checkout.Functions.Tests.Api;

/// <summary>The unknown-field check of <see cref="FieldReader"/>: the fields of every object read from that no read
/// asked for, at any depth, refused before the invalid ones.</summary>
public sealed class FieldReaderTests
{
    [Fact]
    public void UnknownFields_EveryFieldAsked_IsEmpty()
    {
        using var body = JsonDocument.Parse("""{"a":"x","b":null,"c":{"d":1}}""");
        var reader = new FieldReader(body.RootElement);

        reader.String(body.RootElement, "a", "#", 10);
        reader.String(body.RootElement, "b", "#", 10, required: false);
        reader.Integer(reader.Object(body.RootElement, "c", "#")!.Value, "d", "#/c", 0, 9);

        Assert.Empty(reader.UnknownFields());
        Assert.Null(reader.Problem());
    }

    [Fact]
    public void UnknownFields_OptionalFieldLeftOut_IsNotMissedAndNothingIsUnknown()
    {
        using var body = JsonDocument.Parse("""{"a":"x"}""");
        var reader = new FieldReader(body.RootElement);

        reader.String(body.RootElement, "a", "#", 10);
        reader.Value(body.RootElement, "optional", "#");

        Assert.Null(reader.Problem());
    }

    [Fact]
    public void UnknownFields_AtTheRootInANestedObjectAndInAnArrayItem_NamesEachByPointer()
    {
        using var body = JsonDocument.Parse("""{"a":{"b":1,"extra":2},"items":[{"c":1,"x":0,"y":0}],"top":true}""");
        var root = body.RootElement;
        var reader = new FieldReader(root);

        reader.Integer(reader.Object(root, "a", "#")!.Value, "b", "#/a", 0, 9);
        var item = reader.Array(root, "items", "#")!.Value[0];
        reader.Integer(item, "c", "#/items/0", 0, 9);

        Assert.Equal(["#/top", "#/a/extra", "#/items/0/x", "#/items/0/y"], reader.UnknownFields().Select(e => e.Pointer));
        Assert.All(reader.UnknownFields(), e => Assert.Equal(FieldReader.UnknownFieldDetail, e.Detail));
    }

    [Fact]
    public void UnknownFields_AnObjectNeverReadFrom_IsReportedOnlyAsItsParentsField()
    {
        using var body = JsonDocument.Parse("""{"known":{"x":1},"unknown":{"y":2}}""");
        var reader = new FieldReader(body.RootElement);

        reader.Object(body.RootElement, "known", "#");

        Assert.Equal(["#/unknown"], reader.UnknownFields().Select(e => e.Pointer));
    }

    [Fact]
    public void UnknownFields_NameWithSlashOrTilde_IsEscapedAsOnePointerSegment()
    {
        using var body = JsonDocument.Parse("""{"a/b":1,"c~d":2}""");

        var reader = new FieldReader(body.RootElement);

        Assert.Equal(["#/a~1b", "#/c~0d"], reader.UnknownFields().Select(e => e.Pointer));
    }

    [Fact]
    public void UnknownFields_NameDiffersOnlyInCase_IsUnknown()
    {
        using var body = JsonDocument.Parse("""{"Name":"x"}""");
        var reader = new FieldReader(body.RootElement);

        reader.String(body.RootElement, "name", "#", 10, required: false);

        Assert.Equal(["#/Name"], reader.UnknownFields().Select(e => e.Pointer));
    }

    [Fact]
    public void UnknownFields_RepeatedName_IsNamedOnce()
    {
        using var body = JsonDocument.Parse("""{"x":1,"x":2}""");

        Assert.Equal(["#/x"], new FieldReader(body.RootElement).UnknownFields().Select(e => e.Pointer));
    }

    [Fact]
    public void Problem_UnknownAndInvalidFields_Is400NamingOnlyTheUnknownOnes()
    {
        using var body = JsonDocument.Parse("""{"name":"","nickname":"x"}""");
        var reader = new FieldReader(body.RootElement);

        reader.String(body.RootElement, "name", "#", 10);

        var problem = reader.Problem()!;
        Assert.Equal(400, problem.Status);
        Assert.Equal(ApiProblems.ContentType, problem.ContentType);
        using var json = JsonDocument.Parse(problem.Body);
        Assert.Equal(ApiProblems.TypeUri("unknown-field"), json.RootElement.GetProperty("type").GetString());
        Assert.Equal(["#/nickname"], json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()));
    }

    [Fact]
    public void Problem_OnlyInvalidFields_Is422Validation()
    {
        using var body = JsonDocument.Parse("""{"name":""}""");
        var reader = new FieldReader(body.RootElement);

        reader.String(body.RootElement, "name", "#", 10);

        var problem = reader.Problem()!;
        Assert.Equal(422, problem.Status);
        using var json = JsonDocument.Parse(problem.Body);
        Assert.Equal(ApiProblems.TypeUri("validation"), json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Parse_CartWithPaymentAsAnEstimate_RefusesPaymentAsUnknown()
    {
        using var body = JsonDocument.Parse(SampleRequests.Checkout);

        var (request, problem) = CartRequestParser.Parse(body.RootElement, requirePayment: false);

        Assert.Null(request);
        Assert.Equal(400, problem!.Status);
        Assert.Contains("#/payment", System.Text.Encoding.UTF8.GetString(problem.Body), StringComparison.Ordinal);
    }
}
