namespace Checkout.Domain.Ledger;

/// <summary>What an account holds. <see cref="LedgerAccount.Key"/> uses the snake_case wire name.</summary>
public enum LedgerAccountKind
{
    /// <summary>Asset: the buyer's captured funds held at the payment service until settlement.</summary>
    BuyerFundsClearing,

    /// <summary>Liability: what the platform owes one merchant, in the merchant's settlement currency.</summary>
    MerchantBalance,

    /// <summary>Revenue: the platform's processing fee.</summary>
    ProcessingFees,

    /// <summary>Revenue: the margin between mid and client rate when converting into the settlement currency.</summary>
    FxSpreadRevenue,

    /// <summary>Liability: duties, import taxes and customs fees collected at checkout (DDP, point-of-sale taxes), owed to authorities.</summary>
    DutiesAndTaxesPayable,

    /// <summary>Liability: payouts sent to the rail and not yet paid or returned.</summary>
    PayoutsInTransit,

    /// <summary>Liability: captured funds owed back to the buyer.</summary>
    RefundsPayable,

    /// <summary>Position: one leg per currency of a conversion, so each currency balances on its own.</summary>
    FxConversion,

    /// <summary>Asset: the platform's bank account in the settlement currency that pays merchants.</summary>
    PayoutFunding,
}
