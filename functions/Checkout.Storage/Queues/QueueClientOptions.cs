namespace Checkout.Storage.Queues;

public sealed class QueueClientOptions
{
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
