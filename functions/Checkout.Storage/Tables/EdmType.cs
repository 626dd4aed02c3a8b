namespace Checkout.Storage.Tables;

/// <summary>The OData primitive type names the Table service uses in <c>@odata.type</c> annotations.</summary>
internal static class EdmType
{
    public const string String = "Edm.String";
    public const string Boolean = "Edm.Boolean";
    public const string Int32 = "Edm.Int32";
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";

    public static string Of(object value) => value switch
    {
        string => String,
        bool => Boolean,
        int => Int32,
        long => Int64,
        double => Double,
        DateTimeOffset => DateTime,
        System.Guid => Guid,
        byte[] => Binary,
        _ => throw new ArgumentException($"Type {value.GetType().Name} has no Edm type.", nameof(value)),
    };
}
