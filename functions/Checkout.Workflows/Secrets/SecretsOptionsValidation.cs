using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Secrets;

/// <summary>Fails start-up (and any use of the protector) with the message naming the setting that is wrong.</summary>
internal sealed class SecretsOptionsValidation(bool development) : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options) =>
        options.Problem(development) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
