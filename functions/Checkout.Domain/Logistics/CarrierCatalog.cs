using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>Every carrier service on file, loaded from the files in <c>ReferenceData/logistics/carriers/</c> (one file
/// per carrier; a service may have several entries with consecutive effective periods).</summary>
public sealed class CarrierCatalog
{
    public const string Folder = "logistics/carriers";

    private readonly List<CarrierService> services;

    public CarrierCatalog(IEnumerable<CarrierService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        this.services = [.. services];
    }

    public IReadOnlyList<CarrierService> All => services;

    /// <summary>Loads and validates every file in the folder; a malformed file throws
    /// <see cref="ReferenceDataException"/> naming the file, the entry and the reason.</summary>
    public static CarrierCatalog Load(IReferenceDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var loaded = new List<CarrierService>();
        foreach (var file in source.List(Folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            foreach (var (service, index) in CarrierFileReader.Read(source, file).Select((s, i) => (s, i)))
            {
                if (loaded.Exists(s => SameService(s, service) && ReferenceEntry.Overlap(s.Period, service.Period)))
                {
                    throw new ReferenceDataException(
                        file, $"services[{index}] ({service.Carrier} / {service.Service})", "another entry for the same service and origin overlaps in time");
                }

                loaded.Add(service);
            }
        }

        return loaded.Count > 0 ? new CarrierCatalog(loaded) : throw new ReferenceDataException(Folder, "(folder)", "no carrier files");
    }

    /// <summary>The services that ship from <paramref name="origin"/> on <paramref name="day"/>.</summary>
    public IEnumerable<CarrierService> ServicesFrom(CountryCode origin, DateOnly day) =>
        services.Where(s => s.Origins.Contains(origin) && s.Period.Contains(day));

    /// <summary>The rate-card currencies of every service on file shipping from <paramref name="origin"/>, whatever
    /// its period: a superset, so a quote asked for up front always has the leg it needs.</summary>
    public IReadOnlySet<CurrencyCode> RateCardCurrencies(CountryCode origin) =>
        services.Where(s => s.Origins.Contains(origin)).Select(s => s.Currency).ToHashSet();

    private static bool SameService(CarrierService a, CarrierService b) =>
        a.Carrier == b.Carrier && a.Service == b.Service && a.Origins.Overlaps(b.Origins);
}
