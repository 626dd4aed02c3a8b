using Checkout.Functions;
using Checkout.Functions.Hosting.Metadata;

var app = CheckoutFunctionsApp.Build(args);
if (FunctionJsonCommand.IsRequested(app.Configuration))
{
    FunctionJsonCommand.Run(app);
    return;
}

await app.InitializeCheckoutStorageAsync();
await app.RunAsync();
