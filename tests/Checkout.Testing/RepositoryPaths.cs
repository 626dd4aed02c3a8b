namespace Checkout.Testing;

/// <summary>Locates the repository root (the folder holding <c>Checkout.sln</c>) from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Checkout.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Checkout.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"No Checkout.sln above {AppContext.BaseDirectory}; tests must run inside the repository.");
    }
}
