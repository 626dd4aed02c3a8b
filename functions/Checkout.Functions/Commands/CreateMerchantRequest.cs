using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;

namespace Checkout.Functions.Commands;

/// <summary>A merchant to create: its name, settlement currency and, optionally, where its payouts go.</summary>
internal sealed record CreateMerchantRequest(string Name, CurrencyCode Currency, PayoutDestination? Destination);
