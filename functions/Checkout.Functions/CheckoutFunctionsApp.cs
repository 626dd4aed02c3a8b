using Checkout.Functions.Hosting.CustomHandler;

namespace Checkout.Functions;

/// <summary>Builds the app the same way for every use: serving (standalone or as a custom handler), generating
/// function.json, and tests that read the function catalog.</summary>
internal static class CheckoutFunctionsApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseCustomHandlerPortIfSet();
        builder.Services.AddCheckoutFunctions(builder.Configuration);
        var app = builder.Build();
        app.MapCheckoutFunctions();
        return app;
    }
}
