namespace Checkout.Functions.Operations;

/// <summary>The operations console's settings, section <c>Console</c>. <c>OperatorKey</c> signs operators in; it is
/// separate from every merchant's API key and sees every merchant. Unset, the console refuses every sign-in (the app
/// runs without it); the published <see cref="DevelopmentKey"/> works only in Development.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";
    public const string OperatorKeySetting = "Console:OperatorKey";

    /// <summary>The key <c>appsettings.Development.json</c> gives locally: published, so refused anywhere else.</summary>
    public const string DevelopmentKey = "dev_operator_key";

    public string? OperatorKey { get; set; }
}
