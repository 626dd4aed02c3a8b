using System.Text;

namespace Checkout.Workflows.Secrets;

/// <summary>
/// Where an encrypted value is stored: a logical table name (not the prefixed physical one, so a deployment's resource
/// prefix does not change it), the row's keys and the property. It is the associated data of the encryption, so a
/// ciphertext copied into another row or column does not decrypt.
/// </summary>
public readonly record struct StorageField(string Table, string PartitionKey, string RowKey, string Property)
{
    // Control characters are not allowed in partition and row keys, so the line breaks keep the parts apart.
    internal byte[] AssociatedData() => Encoding.UTF8.GetBytes($"checkout-secret\n{Table}\n{PartitionKey}\n{RowKey}\n{Property}");

    public override string ToString() => $"{Table}({PartitionKey}, {RowKey}).{Property}";
}
