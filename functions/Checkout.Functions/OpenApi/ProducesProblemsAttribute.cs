namespace Checkout.Functions.OpenApi;

/// <summary>Documents that each status answers an RFC 9457 problem (see <see cref="OpenApiEndpointExtensions.ProducesProblems"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesProblemsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
