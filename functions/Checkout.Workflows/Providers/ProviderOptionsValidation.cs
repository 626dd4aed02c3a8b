using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Providers;

/// <summary>Fails start-up (and any resolution of a provider) with the message naming the setting that is wrong.</summary>
internal sealed class ProviderOptionsValidation : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
