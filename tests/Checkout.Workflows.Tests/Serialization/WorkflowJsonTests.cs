using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Tests.Serialization;

public sealed class WorkflowJsonTests
{
    [Fact]
    public void Money_IsWrittenAsItsAmountAndCurrencyOnly()
    {
        var json = JsonSerializer.Serialize(new Money(-12.50m, new CurrencyCode("CNY")), WorkflowJson.Options);

        Assert.Equal("""{"amount":-12.50,"currency":"CNY"}""", json);
    }

    [Fact]
    public void Money_WrittenWithWhatIsReadOffIt_StillReads()
    {
        var money = JsonSerializer.Deserialize<Money>("""{"amount":12.50,"currency":"CNY","isZero":false,"isNegative":false}""", WorkflowJson.Options);

        Assert.Equal(new Money(12.50m, new CurrencyCode("CNY")), money);
    }
}
