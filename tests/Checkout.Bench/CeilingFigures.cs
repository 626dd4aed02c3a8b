namespace Checkout.Bench;

/// <summary>What Azurite sustained for the run's storage mix with no business logic around it.</summary>
internal sealed record CeilingFigures(
    int SyntheticCheckouts,
    double Seconds,
    double CheckoutsPerSecond,
    double OperationsPerSecond,
    IReadOnlyDictionary<string, double> IssuedPerCheckout,
    IReadOnlyList<string> UnmodelledKinds);
