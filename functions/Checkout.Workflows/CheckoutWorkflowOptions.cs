namespace Checkout.Workflows;

/// <summary>Names and timings of the checkout workflow; section <c>Checkout</c> of the app settings.</summary>
public sealed class CheckoutWorkflowOptions
{
    public const string SectionName = "Checkout";

    /// <summary>Prefix for every queue and table name, so tests and side-by-side deployments stay apart. Lower-case letters and digits.</summary>
    public string ResourcePrefix { get; set; } = string.Empty;

    /// <summary>Queue timers are re-armed in steps of at most this (Azure allows a 7-day initial visibility delay).</summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);

    /// <summary>How often the sweeper looks for outbox rows a crash left behind.</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Outbox rows younger than this belong to a transition still dispatching them; the sweeper leaves them alone.</summary>
    public TimeSpan OutboxMinAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries of one queue message before it goes to poison (host.json <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>The Durable Task hub (host.json <c>extensions.durableTask.hubName</c>): its tables, queues and lease
    /// blobs are named after it, so a prefix keeps tests and side-by-side deployments apart here too.</summary>
    public string TaskHub => "checkout" + ResourcePrefix;

    public string CheckoutsTable => Table("checkouts");

    public string PaymentsSandboxTable => Table("sandboxpayments");

    public string PayoutsTable => Table("payouts");

    public string MerchantProfilesTable => Table("merchantprofiles");

    /// <summary>The double-entry ledger: one partition per merchant, a transaction's rows written in one batch.</summary>
    public string LedgerTable => Table("ledger");

    public string PayoutRailSandboxTable => Table("sandboxpayoutrail");

    /// <summary>Payout attempts to send to the rail and their status polls (delayed messages).</summary>
    public string PayoutsQueue => Queue("payouts");

    public string WorkQueue => Queue("checkout-work");

    public string TimersQueue => Queue("checkout-timers");

    /// <summary>Merchant events waiting to be fanned out to webhook endpoints.</summary>
    public string WebhooksQueue => Queue("webhooks");

    public string WebhookEndpointsTable => Table("webhookendpoints");

    public string WebhookDeliveriesTable => Table("webhookdeliveries");

    /// <summary>One message per delivery attempt of one event to one endpoint; retries are delayed messages.</summary>
    public string WebhookDeliveriesQueue => Queue("webhook-deliveries");

    public void Validate()
    {
        if (ResourcePrefix.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)) || ResourcePrefix.Length > 20)
        {
            throw new InvalidOperationException($"{SectionName}:ResourcePrefix must be at most 20 lower-case letters and digits.");
        }

        if (MaxTimerDelay <= TimeSpan.Zero || MaxTimerDelay > TimeSpan.FromDays(7))
        {
            throw new InvalidOperationException($"{SectionName}:MaxTimerDelay must be between 0 and 7 days.");
        }
    }

    private string Table(string name) => ResourcePrefix.Length == 0 ? name : "t" + ResourcePrefix + name;

    private string Queue(string name) => ResourcePrefix.Length == 0 ? name : ResourcePrefix + "-" + name;
}
