namespace Checkout.Functions.Api;

/// <summary>
/// Reads query parameters by name, collecting one <see cref="ApiFieldError"/> per bad parameter, and remembers the
/// names it was asked for, so the parameters nobody asked for are the ones the endpoint does not know:
/// <see cref="Problem"/> refuses them with the bad ones, each named. Names match as ASP.NET Core's query does, ignoring
/// case.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    public const string UnknownParameterDetail = "Unknown parameter; this endpoint does not accept it.";

    private readonly HashSet<string> _asked = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ApiFieldError> _errors = [];

    public void Fail(string name, string detail) => _errors.Add(new ApiFieldError(name, detail));

    /// <summary>The parameter's one value, or null when absent; given more than once it is an error.</summary>
    public string? Single(string name)
    {
        _asked.Add(name);
        var values = query[name];
        if (values.Count > 1)
        {
            Fail(name, "Give it once.");
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The 400 naming every unknown and every bad parameter, or null when there are none.</summary>
    public ApiResponse? Problem()
    {
        List<ApiFieldError> errors =
        [
            .. query.Keys.Where(name => !_asked.Contains(name)).Select(name => new ApiFieldError(name, UnknownParameterDetail)),
            .. _errors,
        ];
        return errors.Count > 0 ? ApiProblems.BadQuery(errors) : null;
    }
}
