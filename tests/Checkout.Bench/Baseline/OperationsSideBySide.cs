namespace Checkout.Bench.Baseline;

/// <summary>One storage operation kind: the app's count per checkout (status polls excluded) and the baseline's per orchestration.</summary>
internal sealed record OperationsSideBySide(double App, double Baseline);
