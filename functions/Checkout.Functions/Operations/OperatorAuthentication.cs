using System.Security.Cryptography;
using System.Text;
using Checkout.Functions.Api;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Operations;

/// <summary>
/// Signs an operator in: <c>Authorization: Bearer &lt;operator key&gt;</c> and <c>X-Operator: &lt;name&gt;</c>, the name
/// every action is recorded under (the key is shared by the operations team; the name says who acted). Compared in
/// constant time; never logged. The operator is then read with <see cref="OperatorOf"/>.
/// </summary>
internal sealed partial class OperatorAuthentication(IOptions<ConsoleOptions> options, IHostEnvironment environment, ILogger<OperatorAuthentication> logger)
{
    public const string OperatorHeader = "X-Operator";
    private const string ItemKey = "Checkout.Operator";
    private const int MaxNameLength = 64;

    public static string OperatorOf(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The endpoint is not behind OperatorAuthentication.");

    /// <summary>Null when signed in (the name is then in <see cref="OperatorOf"/>); else the 401 to answer.</summary>
    public IResult? Authenticate(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = options.Value.OperatorKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Refuse(http, "The console is not set up here: set Console__OperatorKey (in Azure, a Key Vault reference).");
        }

        if (configured == ConsoleOptions.DevelopmentKey && !environment.IsDevelopment())
        {
            return Refuse(http, "Console__OperatorKey is the published development key, which is refused outside Development.");
        }

        string? authorization = http.Request.Headers.Authorization;
        var presented = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        if (presented is null || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
        {
            return Refuse(http, "Send the operator key as 'Authorization: Bearer <key>'.");
        }

        var name = http.Request.Headers[OperatorHeader].ToString().Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return Refuse(http, $"Send your name as '{OperatorHeader}: <name>' (1 to {MaxNameLength} characters): every action is recorded under it.");
        }

        http.Items[ItemKey] = name;
        return null;
    }

    private ApiResponse Refuse(HttpContext http, string detail)
    {
        LogRefused(logger, http.Request.Path);
        return ApiProblems.OperatorUnauthorized(detail);
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Warning, Message = "Operator sign-in refused for {Path}")]
    private static partial void LogRefused(ILogger logger, string path);
}
