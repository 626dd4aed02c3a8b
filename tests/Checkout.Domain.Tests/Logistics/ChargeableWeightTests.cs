using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Logistics;

public sealed class ChargeableWeightTests
{
    public static TheoryData<decimal, decimal, decimal, decimal, int, decimal, decimal> Cases => new()
    {
        // 40 × 30 × 30 = 36,000 cm³; / 5,000 = 7.2 kg, beats 2 kg actual; rounded up to the 0.5 kg step: 7.5 kg.
        { 40m, 30m, 30m, 2.0m, 5000, 7.2m, 7.5m },

        // Same box / 6,000 = 6.0 kg exactly, already on a 0.5 kg step: 6.0 kg (reference section 4.1 example).
        { 40m, 30m, 30m, 2.0m, 6000, 6.0m, 6.0m },

        // 50 × 40 × 30 = 60,000 cm³; / 5,000 = 12 kg; / 6,000 = 10 kg.
        { 50m, 40m, 30m, 3.0m, 5000, 12m, 12.0m },
        { 50m, 40m, 30m, 3.0m, 6000, 10m, 10.0m },

        // 10 × 10 × 10 = 1,000 cm³; / 5,000 = 0.2 kg, lighter than 1.2 kg actual; 1.2 rounds up to 1.5 kg.
        { 10m, 10m, 10m, 1.2m, 5000, 0.2m, 1.5m },

        // 33 × 33 × 33 = 35,937 cm³; / 6,000 = 5.9895 kg, rounded up to 6.0 kg.
        { 33m, 33m, 33m, 1.0m, 6000, 5.9895m, 6.0m },

        // A feather: 5 × 5 × 2 = 50 cm³ and 10 g still pays the minimum of one 0.5 kg step.
        { 5m, 5m, 2m, 0.01m, 5000, 0.01m, 0.5m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChargeableWeight_IsMaxOfActualAndVolumetric_RoundedUpToTheStep(
        decimal length, decimal width, decimal height, decimal actualKg, int divisor, decimal volumetricKg, decimal chargeableKg)
    {
        var parcel = new Parcel(actualKg, length, width, height);

        Assert.Equal(volumetricKg, parcel.VolumetricWeightKg(divisor));
        Assert.Equal(chargeableKg, Service(divisor, 0.5m).ChargeableWeightKg(parcel));
    }

    [Fact]
    public void ChargeableWeight_FinerStep_RoundsToThatStep()
    {
        // 20 × 15 × 5 = 1,500 cm³ / 6,000 = 0.25 kg, beats 0.21 kg actual; on a 0.1 kg step that is 0.3 kg.
        var parcel = new Parcel(0.21m, 20m, 15m, 5m);

        Assert.Equal(0.3m, Service(6000, 0.1m).ChargeableWeightKg(parcel));
    }

    [Fact]
    public void ChargeableWeight_ServiceWithoutDivisor_ChargesActualWeightOnly()
    {
        // A 40 × 30 × 20 small packet (4 kg at / 6,000) weighing 0.42 kg pays 0.45 kg on a 0.05 kg step.
        var parcel = new Parcel(0.42m, 40m, 30m, 20m);

        Assert.Equal(0.45m, Service(null, 0.05m).ChargeableWeightKg(parcel));
    }

    private static CarrierService Service(int? divisor, decimal step) => new(
        "Test", "Test", new CurrencyCode("CNY"), new HashSet<CountryCode>(), RouteType.Cargo, ShippingChannel.Courier, divisor, step,
        new ParcelLimits(30m, 100m, null, null), [], new EffectivePeriod(new DateOnly(2026, 1, 1), null),
        new Uri("https://example.org"), IsIllustrative: true);
}
