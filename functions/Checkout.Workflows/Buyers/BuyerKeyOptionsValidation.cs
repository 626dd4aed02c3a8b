using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Buyers;

/// <summary>Fails start-up (and any use of <see cref="BuyerKeys"/>) with the message naming the setting that is wrong.</summary>
internal sealed class BuyerKeyOptionsValidation(bool development) : IValidateOptions<BuyerKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, BuyerKeyOptions options) =>
        options.Problem(development) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
