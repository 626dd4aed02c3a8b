using Azure.Storage.Queues;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Events;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Workflows.Tests.Harness;

/// <summary>
/// The checkout and payout orchestrations on Durable Task's in-memory engine (<see cref="DurableTaskTestHost"/>), their
/// activities the app's own <see cref="CheckoutSteps"/> and <see cref="PayoutSteps"/> on the real services over Azurite,
/// wired as the app wires them. With
/// <c>activityRuns: 2</c> every activity's body runs twice, as Durable may run it after a crash, and the second
/// result is the one the orchestration sees.
/// </summary>
internal sealed class WorkflowHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public const string WalletSecret = "test_wallet_webhook_secret";

    private readonly ServiceProvider _services;
    private readonly DurableTaskTestHost _durable;

    private WorkflowHost(ServiceProvider services, DurableTaskTestHost durable, string prefix, ActivityCalls calls)
    {
        _services = services;
        _durable = durable;
        Prefix = prefix;
        Calls = calls;
    }

    /// <summary>How many times each activity ran, by name.</summary>
    public ActivityCalls Calls { get; }

    public string Prefix { get; }

    public TimeProvider Clock => Get<TimeProvider>();

    public DurableTaskClient Client => _durable.Client;

    public CheckoutStore Store => Get<CheckoutStore>();

    public CheckoutWorkflowOptions Options => Get<CheckoutWorkflowOptions>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<WorkflowHost> StartAsync(
        string connectionString,
        string prefix,
        TimeProvider? clock = null,
        Action<IServiceCollection>? replace = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        int activityRuns = 1)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout:ResourcePrefix"] = prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Checkout:StepMaxAttempts"] = "3",
            ["Checkout:StepFirstRetryInterval"] = "00:00:00.200",

            // The sandbox's sample rates, as in Development: Durable's timers run on real time, so the clock cannot be
            // pinned near a dated file; the live feeds have tests of their own.
            ["Fx:Source"] = "sandbox",
            ["Wallets:WebhookSecret"] = WalletSecret,

            // No webhook delivery runs here: published events wait on the webhooks queue, where tests read them.
            ["Webhooks:InlineDeliveryBudget"] = "00:00:00",
        };
        foreach (var (key, value) in TestSecrets.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(CancellationToken.None);
        // A port the OS just handed out: the test host's own choice is a random one it never checks, which collides
        // now and then with another test's listener.
        var calls = new ActivityCalls();
        var durable = await DurableTaskTestHost.StartAsync(
            registry => Register(registry, provider.GetRequiredService<CheckoutSteps>(), provider.GetRequiredService<PayoutSteps>(), activityRuns, calls),
            new DurableTaskTestHostOptions { Port = LoopbackPorts.Free() });
        return new WorkflowHost(provider, durable, prefix, calls);
    }

    public static CheckoutState NewCheckout(string id, DateTimeOffset at, string token = SandboxPaymentGateway.SuccessToken, string destination = "PK", string postalCode = "54000") =>
        SampleCheckouts.Create(id, at, token, destination, postalCode);

    /// <summary>Starts a checkout as the API does: its first row, then its orchestration.</summary>
    public Task StartCheckoutAsync(string id, string token = SandboxPaymentGateway.SuccessToken, string destination = "PK") =>
        Get<CheckoutStarter>().StartAsync(Client, NewCheckout(id, Clock.GetUtcNow(), token, destination), CancellationToken.None);

    public async Task<StoredCheckout> CheckoutAsync(string id) =>
        await Store.GetAsync(SampleCheckouts.MerchantId, id, CancellationToken.None) ?? throw new InvalidOperationException($"No checkout {id}.");

    /// <summary>Waits for the orchestration to end and returns the checkout as it recorded it last.</summary>
    public async Task<StoredCheckout> UntilEndedAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        OrchestrationMetadata instance;
        try
        {
            instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new TimeoutException($"{id} did not end within {Timeout}: {await DescribeAsync(id)}", ex);
        }

        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        return await CheckoutAsync(id);
    }

    /// <summary>Waits until the read model shows the checkout in <paramref name="phase"/>; a timeout says where the
    /// orchestration stands.</summary>
    public async Task<StoredCheckout> UntilPhaseAsync(string id, CheckoutPhase phase, Func<StoredCheckout, bool>? also = null)
    {
        try
        {
            return (await Eventually.UntilAsync(
                async () => await Store.GetAsync(SampleCheckouts.MerchantId, id, CancellationToken.None),
                c => c is not null && c.State.Phase == phase && (also is null || also(c)),
                Timeout,
                $"{id} is {phase}"))!;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; {await DescribeAsync(id)}", ex);
        }
    }

    private async Task<string> DescribeAsync(string id)
    {
        var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var recorded = await Store.GetAsync(SampleCheckouts.MerchantId, id, CancellationToken.None);
        return $"the orchestration is {instance?.RuntimeStatus.ToString() ?? "missing"} ({instance?.SerializedCustomStatus}) {instance?.FailureDetails}; "
            + $"recorded: {string.Join(", ", recorded?.Timeline.Select(h => $"{h.EventType}->{h.Status} {h.Detail}") ?? [])}";
    }

    public Task ConfirmAsync(string id, string quoteId) =>
        Client.RaiseEventAsync(id, CheckoutOrchestration.ConfirmEvent, new BuyerRequest(quoteId, Clock.GetUtcNow()));

    public Task CancelAsync(string id, string reason) =>
        Client.RaiseEventAsync(id, CheckoutOrchestration.CancelEvent, new BuyerRequest(reason, Clock.GetUtcNow()));

    /// <summary>A new payment method after a decline, as the API raises it: naming the attempt it makes.</summary>
    public Task RetryPaymentAsync(string id, string token, int attempt) =>
        Client.RaiseEventAsync(id, CheckoutOrchestration.PaymentEvent, new PaymentRetryRequest(token, attempt, Clock.GetUtcNow()));

    /// <summary>Start with <paramref name="token"/>, wait for the landed cost and confirm its quote.</summary>
    public async Task ConfirmedAsync(string id, string token)
    {
        await StartCheckoutAsync(id, token);
        var awaiting = await UntilPhaseAsync(id, CheckoutPhase.AwaitingConfirmation);
        await ConfirmAsync(id, awaiting.State.Quote!.Id);
    }

    /// <summary>The merchant events the checkouts' records handed to webhook delivery, in order.</summary>
    public async Task<IReadOnlyList<MerchantEvent>> MerchantEventsAsync()
    {
        var queue = Get<QueueServiceClient>().GetQueueClient(Options.WebhooksQueue);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.SelectMany(m => MerchantEventBatch.Parse(m.Body.ToString())).ToList();
    }

    /// <summary>Start, wait for the landed cost, confirm its quote, wait for the end.</summary>
    public async Task<StoredCheckout> RunToEndAsync(string id, string token = SandboxPaymentGateway.SuccessToken)
    {
        await ConfirmedAsync(id, token);
        return await UntilEndedAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _services.DisposeAsync();
    }

    private static void Register(DurableTaskRegistry registry, CheckoutSteps steps, PayoutSteps payouts, int runs, ActivityCalls calls)
    {
        // Typed input, so GetInput<string>() finds the JSON text the starter sent, as the Functions host passes it.
        registry.AddOrchestratorFunc<string, string>(CheckoutOrchestration.Name, (context, _) => CheckoutOrchestration.RunAsync(context));
        Add(CheckoutActivities.Assess, input => steps.AssessAsync(input, CancellationToken.None));
        Add(CheckoutActivities.QuoteFx, input => Task.FromResult(steps.QuoteFx(input)));
        Add(CheckoutActivities.ScreenCustoms, input => Task.FromResult(steps.ScreenCustoms(input)));
        Add(CheckoutActivities.PlanLogistics, input => Task.FromResult(steps.PlanLogistics(input)));
        Add(CheckoutActivities.PriceLandedCost, input => Task.FromResult(steps.PriceLandedCost(input)));
        Add(CheckoutActivities.Capture, input => steps.CaptureAsync(input, CancellationToken.None));
        Add(CheckoutActivities.CaptureAndHandOff, input => steps.CaptureAndHandOffAsync(input, CancellationToken.None));
        Add(CheckoutActivities.CreateWalletPayment, input => steps.CreateWalletPaymentAsync(input, CancellationToken.None));
        Add(CheckoutActivities.CloseWalletPayment, input => steps.CloseWalletPaymentAsync(input, CancellationToken.None));
        Add(CheckoutActivities.Refund, input => steps.RefundAsync(input, CancellationToken.None));
        Add(CheckoutActivities.HandOffToPayout, input => steps.HandOffToPayoutAsync(input, CancellationToken.None));
        Add(CheckoutActivities.Record, async input =>
        {
            await steps.RecordAsync(input, CancellationToken.None);
            return string.Empty;
        });
        registry.AddOrchestratorFunc<string, string>(PayoutOrchestration.Name, (context, _) => PayoutOrchestration.RunAsync(context));
        Add(PayoutActivities.Send, input => payouts.SendAsync(input, CancellationToken.None));
        Add(PayoutActivities.Poll, input => payouts.PollAsync(input, CancellationToken.None));
        Add(PayoutActivities.Read, input => payouts.ReadAsync(input, CancellationToken.None));
        Add(PayoutActivities.Retry, input => payouts.RetryAsync(input, CancellationToken.None));
        Add(PayoutActivities.GiveUp, input => payouts.GiveUpAsync(input, CancellationToken.None));

        void Add(string name, Func<string, Task<string>> run) => registry.AddActivityFunc<string, string>(name, async (_, input) =>
        {
            calls.Count(name);
            var result = string.Empty;
            for (var i = 0; i < runs; i++)
            {
                result = await run(input!);
            }

            return result;
        });
    }
}

/// <summary>Activity runs by name, counted as the test host dispatches them.</summary>
internal sealed class ActivityCalls
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int this[string activity] => _counts.GetValueOrDefault(activity);

    public void Count(string activity) => _counts.AddOrUpdate(activity, 1, (_, n) => n + 1);
}
