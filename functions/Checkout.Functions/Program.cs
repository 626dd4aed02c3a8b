using Checkout.Functions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCheckoutFunctions(builder.Configuration);

var app = builder.Build();
app.MapCheckoutFunctions();
await app.InitializeCheckoutStorageAsync();
await app.RunAsync();
