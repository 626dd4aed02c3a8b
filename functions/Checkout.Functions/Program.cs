using Checkout.Functions;
using Checkout.Functions.Commands;
using Microsoft.Azure.Functions.Worker.Builder;

// "merchants create ..." builds the app's services, runs once against the configured storage and exits. Anything else
// runs the worker, which the Functions host starts (func start, or Azure) and invokes the functions through.
var verb = AppCommandLine.Parse(args);
// Settings files (appsettings*.json) are found next to the app whatever the working directory. The worker's builder
// fixes its content root before it reads the command line, from DOTNET_CONTENTROOT or else the working directory.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
{
    Environment.SetEnvironmentVariable("DOTNET_CONTENTROOT", AppContext.BaseDirectory);
}

var builder = FunctionsApplication.CreateBuilder(verb.HostArgs);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCheckoutFunctions(builder.Configuration);
using var app = builder.Build();
if (verb.Verb is not null)
{
    return await verb.RunAsync(app.Services, Console.Out, Console.Error);
}

await app.Services.InitializeCheckoutAsync(CancellationToken.None);
await app.RunAsync();
return 0;
