namespace Checkout.Domain.Workflow;

/// <summary>Why a checkout (or a request about it) was refused: a stable dotted code and a human detail.</summary>
public sealed record Rejection(string Code, string Detail);
