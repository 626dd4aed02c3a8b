using Checkout.Workflows;

namespace Checkout.Functions.Api;

/// <summary>The API's own tables, named with the workflow's resource prefix so tests and deployments stay apart.</summary>
internal sealed class ApiTables(CheckoutWorkflowOptions options)
{
    public string Merchants => Table("merchants");

    public string IdempotencyKeys => Table("idempotency");

    /// <summary>What operators did in the console: who, when, to which checkout, and the answer.</summary>
    public string OperatorActions => Table("operatoractions");

    private string Table(string name) => options.ResourcePrefix.Length == 0 ? name : "t" + options.ResourcePrefix + name;
}
