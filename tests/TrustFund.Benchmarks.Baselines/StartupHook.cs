using System.Runtime.Loader;

/// <summary>
/// Lets the published app, whose deps.json does not list this assembly, load it as a hosting startup.
/// The benchmark starts the app with <c>DOTNET_STARTUP_HOOKS</c> set to this assembly's path, so the
/// runtime runs <see cref="Initialize"/> before the app's Main; ASP.NET Core then loads the assembly by
/// the name given in <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>, which this resolves to the same file.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook in no namespace.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        var name = self.GetName().Name;
        AssemblyLoadContext.Default.Resolving += (context, requested) =>
            string.Equals(requested.Name, name, StringComparison.Ordinal) ? self : null;
    }
}
