namespace Checkout.Workflows.Secrets;

/// <summary>
/// A secret as it is stored (see <see cref="SecretProtector"/>) with the field it is bound to; code that needs the
/// plain value asks <see cref="SecretProtector.Reveal"/> where it uses it. Never prints its stored text, which for a
/// row written before encryption is the plain value.
/// </summary>
public sealed record ProtectedValue(string Stored, StorageField Field)
{
    /// <summary>True when the stored text is plain: a row written before values were encrypted.</summary>
    public bool IsLegacyPlain => !SecretProtector.IsProtected(Stored);

    public override string ToString() => $"ProtectedValue {{ Field = {Field} }}";
}
