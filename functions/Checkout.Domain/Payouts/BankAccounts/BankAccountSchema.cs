namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>
/// Which bank account fields each payout country needs, what each must look like, and which currencies a payout to
/// that country may be made in (the currency the account is held in locally: PKR in Pakistan, MOP or HKD in Macau,
/// where both circulate and banks keep accounts in either, HKD in Hong Kong, CNY in mainland China).
/// </summary>
public static class BankAccountSchema
{
    /// <summary>IBAN countries outside the SEPA scheme, whose banks are reached by SWIFT and need the BIC with the IBAN.</summary>
    private static readonly HashSet<string> BicWithIban = new(StringComparer.Ordinal) { "AE", "PK", "SA" };

    private static readonly Dictionary<string, string[]> Currencies = new(StringComparer.Ordinal)
    {
        ["AE"] = ["AED"], ["AT"] = ["EUR"], ["BE"] = ["EUR"], ["CH"] = ["CHF"], ["CN"] = ["CNY"], ["DE"] = ["EUR"],
        ["DK"] = ["DKK"], ["ES"] = ["EUR"], ["FI"] = ["EUR"], ["FR"] = ["EUR"], ["GB"] = ["GBP"], ["GR"] = ["EUR"],
        ["HK"] = ["HKD"], ["IE"] = ["EUR"], ["IT"] = ["EUR"], ["LU"] = ["EUR"], ["MO"] = ["MOP", "HKD"], ["NL"] = ["EUR"],
        ["NO"] = ["NOK"], ["PK"] = ["PKR"], ["PL"] = ["PLN"], ["PT"] = ["EUR"], ["SA"] = ["SAR"], ["SE"] = ["SEK"],
        ["US"] = ["USD"],
    };

    public static IReadOnlyCollection<string> Countries => Currencies.Keys;

    /// <summary>The currencies a payout to an account in <paramref name="country"/> may be made in; empty when payouts
    /// do not reach that country.</summary>
    public static IReadOnlyList<string> CurrenciesFor(string country) => Currencies.GetValueOrDefault(country) ?? [];

    public static BankAccountScheme? SchemeFor(string country) => country switch
    {
        "US" => BankAccountScheme.UsAch,
        "CN" => BankAccountScheme.ChinaBankCard,
        "HK" => BankAccountScheme.HongKongLocal,
        "MO" => BankAccountScheme.MacauLocal,
        _ when Iban.Lengths.ContainsKey(country) => BankAccountScheme.Iban,
        _ => null,
    };

    /// <summary>The account, or every problem with the fields for <paramref name="country"/>'s scheme: each required
    /// field missing or malformed, and each field the scheme does not use.</summary>
    public static (BankAccount? Account, IReadOnlyList<BankAccountProblem> Problems) Read(string country, BankAccountFields fields)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(fields);
        var problems = new List<BankAccountProblem>();
        var scheme = SchemeFor(country);
        if (scheme is null)
        {
            problems.Add(new("country", $"Payouts do not reach bank accounts in {country} yet; they reach {string.Join(", ", Countries.Order(StringComparer.Ordinal))}."));
            return (null, problems);
        }

        var account = scheme switch
        {
            BankAccountScheme.Iban => ReadIban(country, fields, problems),
            BankAccountScheme.UsAch => ReadUs(fields, problems),
            BankAccountScheme.ChinaBankCard => ReadChinaCard(fields, problems),
            BankAccountScheme.HongKongLocal => ReadHongKong(fields, problems),
            _ => ReadMacau(fields, problems),
        };
        RefuseUnused(scheme.Value, country, fields, problems);
        return problems.Count == 0 ? (account, problems) : (null, problems);
    }

    private static BankAccount? ReadIban(string country, BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var iban = Required(fields.Iban, "iban", $"A {country} bank account is given by its IBAN.", problems) is { } text ? Iban.Normalize(text) : null;
        if (iban is not null && Iban.Check(iban, country) is { } why)
        {
            problems.Add(new("iban", why));
        }

        var bic = BicWithIban.Contains(country)
            ? Required(fields.Bic, "bic", $"Payouts to {country} go by SWIFT and need the bank's BIC with the IBAN.", problems)
            : fields.Bic;
        CheckBic(bic, country, problems);
        return iban is null ? null : new BankAccount(BankAccountScheme.Iban, iban, Bic: bic);
    }

    private static BankAccount? ReadUs(BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var routing = Required(fields.RoutingNumber, "routingNumber", "A US bank account needs its 9-digit ABA routing number.", problems);
        if (routing is not null && !AbaRoutingNumber.IsValid(routing))
        {
            problems.Add(new("routingNumber", "Must be a 9-digit ABA routing number whose check digit matches."));
        }

        var number = Digits(fields.AccountNumber, "accountNumber", 4, 17, "A US account number", problems);
        return number is null || routing is null ? null : new BankAccount(BankAccountScheme.UsAch, number, RoutingNumber: routing);
    }

    /// <summary>Chinese debit cards are UnionPay cards of 16 to 19 digits with a Luhn check digit; payouts to them name
    /// the issuing bank, as the payee's bank is named in a domestic transfer.</summary>
    private static BankAccount? ReadChinaCard(BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var card = Digits(fields.CardNumber, "cardNumber", 16, 19, "A Chinese bank card number", problems);
        if (card is not null && !Luhn.IsValid(card))
        {
            problems.Add(new("cardNumber", "The card number's check digit does not match (Luhn): a digit is wrong."));
        }

        var bank = Required(fields.BankName, "bankName", "Name the bank that issued the card, e.g. Bank of China.", problems)?.Trim();
        if (bank is not null && bank.Length is 0 or > 100)
        {
            problems.Add(new("bankName", "Must be 1 to 100 characters."));
        }

        return card is null || bank is null ? null : new BankAccount(BankAccountScheme.ChinaBankCard, card, BankName: bank);
    }

    /// <summary>Hong Kong accounts are given as the 3-digit bank code and 3-digit branch code of the Hong Kong Interbank
    /// Clearing (HKICL) and the account number, up to 12 digits (the longest HKICL members issue); the BIC is optional.</summary>
    private static BankAccount? ReadHongKong(BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var bank = Digits(fields.BankCode, "bankCode", 3, 3, "A Hong Kong bank code", problems);
        var branch = Digits(fields.BranchCode, "branchCode", 3, 3, "A Hong Kong branch code", problems);
        var number = Digits(fields.AccountNumber, "accountNumber", 6, 12, "A Hong Kong account number", problems);
        CheckBic(fields.Bic, "HK", problems);
        return bank is null || branch is null || number is null
            ? null
            : new BankAccount(BankAccountScheme.HongKongLocal, number, Bic: fields.Bic, BankCode: bank, BranchCode: branch);
    }

    /// <summary>Macau has no IBAN: an account is its bank's account number and the bank's BIC.</summary>
    private static BankAccount? ReadMacau(BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var number = Digits(fields.AccountNumber, "accountNumber", 6, 20, "A Macau account number", problems);
        var bic = Required(fields.Bic, "bic", "A Macau account is paid by SWIFT and needs its bank's BIC, e.g. BKCHMOMX.", problems);
        CheckBic(bic, "MO", problems);
        return number is null || bic is null ? null : new BankAccount(BankAccountScheme.MacauLocal, number, Bic: bic);
    }

    private static void RefuseUnused(BankAccountScheme scheme, string country, BankAccountFields fields, List<BankAccountProblem> problems)
    {
        var used = scheme switch
        {
            BankAccountScheme.Iban => new[] { "iban", "bic" },
            BankAccountScheme.UsAch => ["routingNumber", "accountNumber"],
            BankAccountScheme.ChinaBankCard => ["cardNumber", "bankName"],
            BankAccountScheme.HongKongLocal => ["bankCode", "branchCode", "accountNumber", "bic"],
            _ => ["accountNumber", "bic"],
        };
        (string Name, string? Value)[] given =
        [
            ("iban", fields.Iban), ("bic", fields.Bic), ("cardNumber", fields.CardNumber), ("bankName", fields.BankName),
            ("bankCode", fields.BankCode), ("branchCode", fields.BranchCode), ("accountNumber", fields.AccountNumber),
            ("routingNumber", fields.RoutingNumber),
        ];
        foreach (var (name, _) in given.Where(g => g.Value is not null && !used.Contains(g.Name)))
        {
            problems.Add(new(name, $"Not used for {country} bank accounts, which take {string.Join(", ", used)}."));
        }
    }

    private static string? Required(string? value, string field, string why, List<BankAccountProblem> problems)
    {
        if (value is null)
        {
            problems.Add(new(field, $"Required. {why}"));
        }

        return value;
    }

    private static string? Digits(string? value, string field, int min, int max, string what, List<BankAccountProblem> problems)
    {
        if (Required(value, field, $"{what} is {Span(min, max)} digits.", problems) is not { } text)
        {
            return null;
        }

        var digits = string.Concat(text.Where(c => c is not (' ' or '-')));
        if (digits.Length < min || digits.Length > max || !digits.All(char.IsAsciiDigit))
        {
            problems.Add(new(field, $"{what} is {Span(min, max)} digits."));
            return null;
        }

        return digits;
    }

    private static string Span(int min, int max) => min == max ? $"{min}" : $"{min} to {max}";

    private static void CheckBic(string? bic, string country, List<BankAccountProblem> problems)
    {
        if (bic is not null && Bic.Check(bic, country) is { } why)
        {
            problems.Add(new("bic", why));
        }
    }
}
