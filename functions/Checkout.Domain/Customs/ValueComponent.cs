namespace Checkout.Domain.Customs;

/// <summary>The parts a customs or tax base is built from. FOB is <see cref="Goods"/> alone; CIF adds
/// <see cref="Shipping"/> and <see cref="Insurance"/>; an import VAT base usually adds <see cref="Duty"/>.</summary>
public enum ValueComponent
{
    Goods,
    Shipping,
    Insurance,
    Duty,
}

/// <summary>Where the destination values goods for duty.</summary>
public enum CustomsValuation
{
    /// <summary>Free on board: the transaction value of the goods, without international freight or insurance.</summary>
    Fob,

    /// <summary>Cost, insurance and freight: the goods plus freight and insurance to the border.</summary>
    Cif,
}

/// <summary>When a duty or tax is paid: at sale by the seller (IOSS, UK and AU vendor collection, SG OVR, China
/// CBEC withholding) or at import by whoever clears the goods.</summary>
public enum CollectionStage
{
    AtSale,
    AtImport,
}
