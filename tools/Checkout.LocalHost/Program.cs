using Checkout.Functions;
using Checkout.LocalHost;

// The function app's own functions in one process, as the Functions host would run them, for machines without
// Azure Functions Core Tools: ./run.sh starts it, the tests start it. "openapi [file]" writes the OpenAPI document
// generated from the HTTP functions' metadata instead of serving.
var openApi = args.Length > 0 && args[0] == "openapi";
// The document is generated with the Development settings; it needs no storage and starts nothing.
using var app = LocalFunctionHost.Build(openApi ? ["--Logging:LogLevel:Default=Warning", "--environment=Development"] : args);
if (openApi)
{
    using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
    return await OpenApiCommand.RunAsync(app, args[1..], Console.Out, Console.Error, cancel.Token);
}

await app.Services.InitializeCheckoutAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
return 0;
