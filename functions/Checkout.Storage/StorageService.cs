namespace Checkout.Storage;

/// <summary>Which service a request goes to; decides the SharedKey string-to-sign form.</summary>
internal enum StorageService
{
    Queue,
    Table,
}
