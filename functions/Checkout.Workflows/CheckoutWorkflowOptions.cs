namespace Checkout.Workflows;

/// <summary>Names of the checkout workflow's resources; section <c>Checkout</c> of the app settings.</summary>
public sealed class CheckoutWorkflowOptions
{
    public const string SectionName = "Checkout";

    /// <summary>Prefix for every queue and table name, so tests and side-by-side deployments stay apart. Lower-case letters and digits.</summary>
    public string ResourcePrefix { get; set; } = string.Empty;

    /// <summary>Attempts of a checkout step (an activity) before the checkout is marked <c>needs_attention</c>; with the
    /// default back-off, 6 attempts span about a minute of a provider or storage outage.</summary>
    public int StepMaxAttempts { get; set; } = 6;

    /// <summary>The wait before a failed step's first retry; each further wait doubles, up to a minute.</summary>
    public TimeSpan StepFirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A refund whose steps failed through every retry (the payment service down for long) stays pending and
    /// starts over after this wait.</summary>
    public TimeSpan RefundOutageRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries of one queue message before it goes to poison (host.json <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>The Durable Task hub (host.json <c>extensions.durableTask.hubName</c>): its tables, queues and lease
    /// blobs are named after it, so a prefix keeps tests and side-by-side deployments apart here too.</summary>
    public string TaskHub => "checkout" + ResourcePrefix;

    public string CheckoutsTable => Table("checkouts");

    public string PaymentsSandboxTable => Table("sandboxpayments");

    /// <summary>The identities of buyers in mainland China, encrypted, kept until their checkout ends.</summary>
    public string BuyerIdentitiesTable => Table("buyeridentities");

    /// <summary>Each buyer's running total of CBEC orders per year, by pseudonymous buyer key, against China's annual limit.</summary>
    public string CbecAnnualTotalsTable => Table("cbecannualtotals");

    /// <summary>The wallets' notifications already handled, by notification id: a replay changes nothing.</summary>
    public string WalletNotificationsTable => Table("walletnotifications");

    /// <summary>How long the buyer has to approve a wallet payment (Alipay's <c>timeout_express</c>, WeChat Pay's
    /// <c>time_expire</c>); unpaid by then, the checkout ends <c>expired</c> and nothing is charged.</summary>
    public TimeSpan WalletPaymentTtl { get; set; } = TimeSpan.FromMinutes(15);

    public string PayoutsTable => Table("payouts");

    public string MerchantProfilesTable => Table("merchantprofiles");

    /// <summary>The double-entry ledger: one partition per merchant, a transaction's rows written in one batch.</summary>
    public string LedgerTable => Table("ledger");

    /// <summary>Refunds of completed checkouts, each checkout's refund summary, and the merchants' refund deficits.</summary>
    public string RefundsTable => Table("refunds");

    public string PayoutRailSandboxTable => Table("sandboxpayoutrail");

    /// <summary>Accepted FX rate sets, newest first, and the last fetch's outcome.</summary>
    public string FxRatesTable => Table("fxrates");

    /// <summary>Payout attempts to send to the rail and their status polls (delayed messages).</summary>
    public string PayoutsQueue => Queue("payouts");

    /// <summary>Merchant events waiting to be fanned out to webhook endpoints.</summary>
    public string WebhooksQueue => Queue("webhooks");

    public string WebhookEndpointsTable => Table("webhookendpoints");

    public string WebhookDeliveriesTable => Table("webhookdeliveries");

    /// <summary>One message per delivery attempt of one event to one endpoint; retries are delayed messages.</summary>
    public string WebhookDeliveriesQueue => Queue("webhook-deliveries");

    public void Validate()
    {
        if (StepMaxAttempts is < 1 or > 20 || StepFirstRetryInterval <= TimeSpan.Zero || StepFirstRetryInterval > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"{SectionName}:StepMaxAttempts must be 1 to 20 and {SectionName}:StepFirstRetryInterval more than zero and at most 10 minutes.");
        }

        if (ResourcePrefix.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)) || ResourcePrefix.Length > 20)
        {
            throw new InvalidOperationException($"{SectionName}:ResourcePrefix must be at most 20 lower-case letters and digits.");
        }
    }

    private string Table(string name) => ResourcePrefix.Length == 0 ? name : "t" + ResourcePrefix + name;

    private string Queue(string name) => ResourcePrefix.Length == 0 ? name : ResourcePrefix + "-" + name;
}
