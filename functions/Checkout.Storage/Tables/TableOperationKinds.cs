namespace Checkout.Storage.Tables;

/// <summary>The operation kinds Table requests are counted under in <see cref="StorageOperationCounters"/>.</summary>
internal static class TableOperationKinds
{
    public const string CreateTable = "Table.CreateTable";
    public const string DeleteTable = "Table.DeleteTable";
    public const string AddEntity = "Table.AddEntity";
    public const string UpsertEntity = "Table.UpsertEntity";
    public const string UpdateEntity = "Table.UpdateEntity";
    public const string DeleteEntity = "Table.DeleteEntity";
    public const string GetEntity = "Table.GetEntity";
    public const string Query = "Table.Query";
    public const string Batch = "Table.Batch";
}
