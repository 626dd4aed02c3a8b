namespace Checkout.Domain.Logistics;

/// <summary>Which aircraft a service's parcels may fly on; decides what dangerous goods it can carry.</summary>
public enum RouteType
{
    /// <summary>Parcels may travel in the hold of passenger aircraft or in the postal stream, so goods that IATA
    /// restricts to cargo aircraft only (e.g. UN3480) are refused.</summary>
    PassengerOrPostal,

    /// <summary>The carrier can route a parcel on its own cargo aircraft (express integrators).</summary>
    Cargo,
}
