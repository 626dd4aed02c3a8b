using Checkout.Domain.Workflow;

namespace Checkout.Domain.Payments;

/// <summary>A capture either succeeded (<see cref="CaptureId"/>) or was declined (<see cref="Decline"/>).</summary>
public sealed record CaptureResult(string? CaptureId, Rejection? Decline)
{
    public static CaptureResult Captured(string captureId) => new(captureId, null);

    public static CaptureResult Declined(string code, string detail) => new(null, new Rejection(code, detail));
}
