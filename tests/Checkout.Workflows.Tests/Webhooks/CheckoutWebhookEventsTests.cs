using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

public sealed class CheckoutWebhookEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CheckoutPhase.Checking, CheckoutPhase.Rejected, "checkout.rejected")]
    [InlineData(CheckoutPhase.AwaitingConfirmation, CheckoutPhase.Expired, "checkout.expired")]
    [InlineData(CheckoutPhase.AwaitingConfirmation, CheckoutPhase.Canceled, "checkout.canceled")]
    [InlineData(CheckoutPhase.Capturing, CheckoutPhase.NeedsAttention, "checkout.needs_attention")]
    [InlineData(CheckoutPhase.PayingOut, CheckoutPhase.Completed, "checkout.completed")]
    [InlineData(CheckoutPhase.Capturing, CheckoutPhase.Failed, "checkout.failed")]
    [InlineData(CheckoutPhase.Quoting, CheckoutPhase.Failed, "checkout.failed")]
    public void PhaseChange_ToAnEndPhase_EmitsItsEventWithADerivedId(CheckoutPhase from, CheckoutPhase to, string type)
    {
        var before = SampleCheckouts.Create("co1", At) with { Phase = from };
        var after = before with { Phase = to, Rejection = new Rejection("x.y", "why"), UpdatedAt = At.AddMinutes(1) };

        var merchantEvent = Assert.Single(CheckoutWebhookEvents.For(AnnouncedCheckout.Of(before), after));

        Assert.Equal(type, merchantEvent.Type);
        Assert.Equal($"co1.{type}", merchantEvent.Id);
        Assert.Equal(At.AddMinutes(1), merchantEvent.Timestamp);
        Assert.Equal(to.ToStatus(), merchantEvent.Data["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(CheckoutPhase.Quoting, CheckoutPhase.Checking)]
    [InlineData(CheckoutPhase.AwaitingConfirmation, CheckoutPhase.Capturing)]
    [InlineData(CheckoutPhase.Capturing, CheckoutPhase.PayingOut)]
    public void PhaseChange_WithoutAMerchantEvent_EmitsNothing(CheckoutPhase from, CheckoutPhase to)
    {
        var before = SampleCheckouts.Create("co1", At) with { Phase = from };

        Assert.Empty(CheckoutWebhookEvents.For(AnnouncedCheckout.Of(before), before with { Phase = to }));
    }

    [Fact]
    public void Decline_LeavingItRequiringAPaymentMethod_EmitsOneEventPerAttemptCarryingTheDecline()
    {
        var decline = new Rejection("payment.card_declined", "The card was declined.");
        var capturing = SampleCheckouts.Create("co1", At) with
        {
            Phase = CheckoutPhase.Capturing,
            PaymentAttempts = [new PaymentAttempt(1, PaymentAttemptStatus.Pending, "cess", At)],
        };
        var waiting = capturing with { Phase = CheckoutPhase.RequiresPaymentMethod, PaymentAttempts = [capturing.PaymentAttempts[0] with { Status = PaymentAttemptStatus.Declined, Decline = decline }] };

        var first = Assert.Single(CheckoutWebhookEvents.For(AnnouncedCheckout.Of(capturing), waiting));

        Assert.Equal(("checkout.requires_payment_method", "co1.checkout.requires_payment_method.a1"), (first.Type, first.Id));
        Assert.Equal("payment.card_declined", first.Data["lastPaymentError"]!["code"]!.GetValue<string>());
        Assert.Equal("The card was declined.", first.Data["lastPaymentError"]!["message"]!.GetValue<string>());
        Assert.Equal((1, CheckoutState.MaxPaymentAttempts - 1), (first.Data["attempt"]!.GetValue<int>(), first.Data["attemptsRemaining"]!.GetValue<int>()));

        var again = waiting with { PaymentAttempts = [.. waiting.PaymentAttempts, new PaymentAttempt(2, PaymentAttemptStatus.Declined, "4242", At, decline)] };
        Assert.Equal("co1.checkout.requires_payment_method.a2", Assert.Single(CheckoutWebhookEvents.For(AnnouncedCheckout.Of(waiting), again)).Id);
        Assert.Empty(CheckoutWebhookEvents.For(AnnouncedCheckout.Of(waiting), waiting with { UpdatedAt = At.AddMinutes(1) }));
    }

    [Fact]
    public void CancelAfterCapture_RefundAndCancelInOneTransition_EmitsBoth()
    {
        var before = SampleCheckouts.Create("co1", At) with { Phase = CheckoutPhase.Refunding, CaptureId = "cap1" };

        var events = CheckoutWebhookEvents.For(AnnouncedCheckout.Of(before), before with { Phase = CheckoutPhase.Canceled, RefundId = "ref1" });

        Assert.Equal(["payment.refunded", "checkout.canceled"], events.Select(e => e.Type));
        Assert.Equal("ref1", events[0].Data["refundId"]!.GetValue<string>());
    }

    [Fact]
    public void SameTransitionDecidedTwice_SameEvents()
    {
        var before = SampleCheckouts.Create("co1", At) with { Phase = CheckoutPhase.PayingOut, CaptureId = "cap1" };
        var after = before with { Phase = CheckoutPhase.Completed, PayoutId = "co1-payout", UpdatedAt = At };

        var first = CheckoutWebhookEvents.For(AnnouncedCheckout.Of(before), after).Single();
        var second = CheckoutWebhookEvents.For(AnnouncedCheckout.Of(before), after).Single();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Data.ToJsonString(), second.Data.ToJsonString());
    }
}
