namespace Checkout.Domain.Customs;

/// <summary>Stable reason codes for customs rejections and flags.</summary>
public static class CustomsCodes
{
    public const string InvalidHsCode = "customs.invalid_hs_code";
    public const string ProhibitedGoods = "customs.prohibited_goods";
    public const string ExciseGoodsNotSupported = "customs.excise_goods_not_supported";
    public const string DestinationNotSupported = "customs.destination_not_supported";
    public const string OrderLimitExceeded = "customs.order_limit_exceeded";
    public const string AnnualLimitExceeded = "customs.annual_limit_exceeded";

    /// <summary>The destination's channel takes only listed goods (China's CBEC positive list) and the line is not listed.</summary>
    public const string NotOnPositiveList = "customs.not_on_positive_list";

    /// <summary>Flag (not a rejection): the goods need a licence, permit or carrier approval.</summary>
    public const string RestrictedGoods = "customs.restricted_goods";

    /// <summary>Flag: a limit could not be checked because an input (e.g. year-to-date spend) was not given.</summary>
    public const string LimitNotChecked = "customs.limit_not_checked";
}
