using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using static Checkout.Domain.Tests.Workflow.CheckoutStates;

namespace Checkout.Domain.Tests.Workflow;

/// <summary>Wallet payments in the state machine: the confirm creates the wallet payment, the buyer's approval is a
/// capture, its decline a decline, its expiry ends the checkout <c>expired</c> with nothing captured, and a cancel closes
/// it (refunding it if the buyer had paid).</summary>
public sealed class CheckoutWalletTests
{
    private static readonly NextAction Qr = new(NextAction.QrCode, "weixin://wxpay/bizpayurl?pr=wx_1", null, T0.AddMinutes(16));

    private static CheckoutState WalletCapturing() =>
        Through(AwaitingConfirmation() with { PaymentMethod = PaymentMethodType.WeChatPay, PaymentToken = string.Empty }, new ConfirmRequested("co-1-q1", T0.AddMinutes(1)));

    private static CheckoutState RequiresAction() => Through(WalletCapturing(), new WalletActionRequired("wx_1", Qr, T0.AddMinutes(1)));

    [Fact]
    public void Confirm_WalletCheckout_CreatesTheWalletPaymentUnderTheAttemptsKey()
    {
        var decision = CheckoutStateMachine.Decide(
            AwaitingConfirmation() with { PaymentMethod = PaymentMethodType.Alipay, PaymentToken = string.Empty }, new ConfirmRequested("co-1-q1", T0.AddMinutes(1)));

        Assert.Equal(CheckoutPhase.Capturing, decision.State.Phase);
        var create = Assert.IsType<CreateWalletPayment>(Assert.Single(decision.Commands));
        Assert.Equal(("co-1-capture", PaymentMethodType.Alipay), (create.IdempotencyKey, create.Method));
        Assert.Equal(PaymentMethodType.Alipay, Assert.Single(decision.State.PaymentAttempts).Method);
    }

    [Fact]
    public void ActionRequired_WaitsForTheWalletUntilItsExpiry()
    {
        var decision = CheckoutStateMachine.Decide(WalletCapturing(), new WalletActionRequired("wx_1", Qr, T0.AddMinutes(1)));

        Assert.Equal((CheckoutPhase.RequiresAction, "wx_1", Qr), (decision.State.Phase, decision.State.WalletPaymentId, decision.State.NextAction));
        Assert.Equal(new AwaitWalletPayment("wx_1", Qr.ExpiresAt), Assert.Single(decision.Commands));
        Assert.Equal("requires_action", decision.State.Phase.ToStatus());
    }

    [Fact]
    public void Paid_IsACaptureThatPaysOut()
    {
        var decision = CheckoutStateMachine.Decide(RequiresAction(), new PaymentCaptured("wxpay_1", T0.AddMinutes(3)));

        Assert.Equal((CheckoutPhase.PayingOut, "wxpay_1", null), (decision.State.Phase, decision.State.CaptureId, decision.State.NextAction));
        Assert.IsType<HandOffToPayout>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void Declined_RequiresAnotherPaymentMethod()
    {
        var decision = CheckoutStateMachine.Decide(RequiresAction(), new PaymentDeclined(CardDeclined, T0.AddMinutes(3)));

        Assert.Equal(CheckoutPhase.RequiresPaymentMethod, decision.State.Phase);
        Assert.Equal(PaymentAttemptStatus.Declined, Assert.Single(decision.State.PaymentAttempts).Status);
    }

    [Fact]
    public void Expired_EndsExpiredWithNothingCaptured()
    {
        var decision = CheckoutStateMachine.Decide(RequiresAction(), new WalletPaymentExpired("wx_1", Qr.ExpiresAt));

        Assert.Equal((CheckoutPhase.Expired, "payment.wallet_expired", null), (decision.State.Phase, decision.State.Rejection!.Code, decision.State.CaptureId));
        Assert.Equal(PaymentAttemptStatus.Expired, Assert.Single(decision.State.PaymentAttempts).Status);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void NoticeAboutAnotherPayment_ChangesNothing()
    {
        var state = RequiresAction();

        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(state, new WalletPaymentExpired("wx_other", Qr.ExpiresAt)).Outcome);
        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(state, new WalletPaymentClosed("wx_1", Qr.ExpiresAt)).Outcome); // no cancel asked
    }

    [Fact]
    public void Cancel_ClosesThePayment_ClosedUnpaidCancels_PaidMeanwhileRefunds()
    {
        var canceling = CheckoutStateMachine.Decide(RequiresAction(), new CancelRequested("buyer left", T0.AddMinutes(2)));
        Assert.Equal(new CloseWalletPayment("wx_1"), Assert.Single(canceling.Commands));
        Assert.Equal(CheckoutPhase.RequiresAction, canceling.State.Phase);

        var closed = CheckoutStateMachine.Decide(canceling.State, new WalletPaymentClosed("wx_1", T0.AddMinutes(2)));
        Assert.Equal((CheckoutPhase.Canceled, null), (closed.State.Phase, closed.State.CaptureId));

        var paid = CheckoutStateMachine.Decide(canceling.State, new PaymentCaptured("wxpay_1", T0.AddMinutes(2)));
        Assert.Equal(CheckoutPhase.Refunding, paid.State.Phase);
        Assert.IsType<RefundPayment>(Assert.Single(paid.Commands));
    }
}
