namespace Checkout.Storage.Tables;

/// <summary>The headers every Table request carries (JSON payloads need the OData 3.0 data service version).</summary>
internal static class TableHttp
{
    public const string MinimalMetadata = "application/json;odata=minimalmetadata";
    public const string NoMetadata = "application/json;odata=nometadata";
    public const string JsonContentType = "application/json";
    public const string PreferHeader = "Prefer";
    public const string ReturnNoContent = "return-no-content";
    public const string DataServiceVersion = "3.0";
    public const string MaxDataServiceVersion = "3.0;NetFx";

    /// <summary>Minimal metadata so typed properties come back annotated and entities carry odata.etag.</summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, string accept = MinimalMetadata)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("DataServiceVersion", DataServiceVersion);
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", MaxDataServiceVersion);
        return request;
    }

    public static void SetContent(HttpRequestMessage request, byte[] body, string contentType)
    {
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    public static void SetJsonContent(HttpRequestMessage request, byte[] body) => SetContent(request, body, JsonContentType);

    /// <summary>The raw header: Table ETags look like <c>W/"datetime'2024-..'"</c> and must go back byte for byte.</summary>
    public static ETag? ReadETag(HttpResponseMessage response) => ReadHeader(response, "ETag") is { } value ? new ETag(value) : null;

    public static string? ReadHeader(HttpResponseMessage response, string name)
    {
        if (!response.Headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
