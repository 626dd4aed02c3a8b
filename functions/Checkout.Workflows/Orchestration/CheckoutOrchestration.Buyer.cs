using Checkout.Domain.Workflow;
using Checkout.Workflows.Wallets;
using Microsoft.DurableTask;

namespace Checkout.Workflows.Orchestration;

/// <summary>The waits on the buyer, each raced against a durable timer at the quote's expiry.</summary>
public sealed partial class CheckoutOrchestration
{
    /// <summary>
    /// Awaiting confirmation, the buyer's confirm or cancel; requiring a payment method (after a decline), a new
    /// payment method or a cancel. A refused or stale request (a superseded quote, a retry already made) changes nothing
    /// and the wait goes on; the timer is cancelled once an event ends the wait.
    /// </summary>
    private async Task AwaitBuyerAsync(ScheduleQuoteExpiry expiry)
    {
        using var stopTimer = new CancellationTokenSource();
        var timer = _context.CreateTimer(expiry.DueAt.UtcDateTime, stopTimer.Token);
        var waitingIn = _state.Phase;
        while (_state.Phase == waitingIn && _state.Quote?.Id == expiry.QuoteId)
        {
            // Only the wait this phase allows: a payment event is never awaited while confirmation is (nor the reverse).
            Task buyer = waitingIn == CheckoutPhase.RequiresPaymentMethod
                ? _payment ??= _context.WaitForExternalEvent<PaymentRetryRequest>(PaymentEvent)
                : _confirm ??= _context.WaitForExternalEvent<BuyerRequest>(ConfirmEvent);
            var first = await Task.WhenAny(buyer, _cancel, timer);
            if (first == timer)
            {
                // The timer fires at or after the due time; never earlier than the quote's expiry, whatever the clocks.
                Apply(new QuoteExpiryDue(expiry.QuoteId, Now > expiry.DueAt ? Now : expiry.DueAt));
                break;
            }

            if (first == _cancel)
            {
                ApplyCancel();
            }
            else if (first == _confirm)
            {
                var request = await _confirm;
                _confirm = null;
                Apply(new ConfirmRequested(request.Value, request.At));
            }
            else
            {
                var request = await _payment!;
                _payment = null;
                Apply(new PaymentRetryRequested(request.Token, request.Attempt, request.At, request.Method));
            }
        }

        if (!timer.IsCompleted)
        {
            // Synchronously: an orchestrator may await only Durable's own tasks (CancelAsync's would end the episode).
#pragma warning disable CA1849 // Call async methods when in an async method
            stopTimer.Cancel();
#pragma warning restore CA1849
        }
    }

    /// <summary>
    /// Requiring action, the wallet's notice about the payment waited on, raced against a timer at its expiry, and the
    /// merchant's cancel (which closes the payment: the wait ends with the close queued). Notices about another payment
    /// (an earlier attempt's, a replay) change nothing and the wait goes on.
    /// </summary>
    private async Task AwaitWalletAsync(AwaitWalletPayment wait)
    {
        using var stopTimer = new CancellationTokenSource();
        var timer = _context.CreateTimer(wait.ExpiresAt.UtcDateTime, stopTimer.Token);
        while (_state.Phase == CheckoutPhase.RequiresAction && _state.WalletPaymentId == wait.WalletPaymentId && _commands.Count == 0)
        {
            _wallet ??= _context.WaitForExternalEvent<WalletNotice>(WalletEvent);
            var first = await Task.WhenAny(_wallet, _cancel, timer);
            if (first == timer)
            {
                Apply(new WalletPaymentExpired(wait.WalletPaymentId, Now > wait.ExpiresAt ? Now : wait.ExpiresAt));
                break;
            }

            if (first == _cancel)
            {
                ApplyCancel();
                continue;
            }

            var notice = await _wallet;
            _wallet = null;
            if (notice.WalletPaymentId != wait.WalletPaymentId)
            {
                continue;
            }

            Apply(notice.Status switch
            {
                WalletNotice.Paid => new PaymentCaptured(notice.TransactionId!, notice.At),
                WalletNotice.Declined => new PaymentDeclined(new Rejection(notice.DeclineCode ?? "payment.wallet_declined", notice.DeclineMessage ?? "The wallet payment was declined."), notice.At),
                _ => new WalletPaymentExpired(notice.WalletPaymentId, notice.At),
            });
        }

        if (!timer.IsCompleted)
        {
#pragma warning disable CA1849 // Call async methods when in an async method
            stopTimer.Cancel();
#pragma warning restore CA1849
        }
    }

    private void ApplyCancel()
    {
        var request = _cancel.Result;
        _cancel = _context.WaitForExternalEvent<BuyerRequest>(CancelEvent);
        Apply(new CancelRequested(request.Value, request.At));
    }
}
