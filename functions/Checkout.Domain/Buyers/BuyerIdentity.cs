namespace Checkout.Domain.Buyers;

/// <summary>
/// The buyer's identity as Chinese customs require it for a cross-border e-commerce (CBEC) import: the name and the
/// resident identity card number of the person ordering, which must match the payer's. Personal data: it is never
/// logged, never put in a workflow's state or history, stored encrypted only as long as the order needs it, and shown
/// only as <see cref="Masked"/>.
/// </summary>
public sealed record BuyerIdentity(string Name, string IdNumber)
{
    /// <summary>The name's first character and the number's address code and last four characters; the birth date and
    /// the rest are hidden, e.g. <c>王*</c>, <c>110105********002X</c>.</summary>
    public MaskedBuyerIdentity Masked() => new(MaskName(Name), $"{IdNumber[..6]}********{IdNumber[^4..]}");

    private static string MaskName(string name)
    {
        var letters = System.Globalization.StringInfo.GetTextElementEnumerator(name.Trim());
        letters.MoveNext();
        var first = (string)letters.Current;
        var rest = 0;
        while (letters.MoveNext())
        {
            rest++;
        }

        return first + new string('*', Math.Max(rest, 1));
    }
}

/// <summary>A buyer identity with its personal parts hidden: what views and the checkout's state hold.</summary>
public sealed record MaskedBuyerIdentity(string Name, string IdNumber);
