using Checkout.Functions;
using Checkout.Functions.Commands;
using Checkout.Functions.Hosting.Metadata;

// One-shot commands build the app's own wiring, run once and exit: "openapi [file]", "merchants create ...",
// "--write-function-json <dir>". Anything else serves.
var command = AppCommandLine.Parse(args);
var app = CheckoutFunctionsApp.Build(command.HostArgs);
if (command.Verb is not null)
{
    return await command.RunAsync(app, Console.Out, Console.Error);
}

if (FunctionJsonCommand.IsRequested(app.Configuration))
{
    FunctionJsonCommand.Run(app);
    return 0;
}

await app.InitializeCheckoutStorageAsync();
await app.RunAsync();
return 0;
