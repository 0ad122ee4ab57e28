using Microsoft.AspNetCore.Mvc.Razor;

namespace TrustFund.Web.Hosting;

/// <summary>Finds views beside their controller in <c>Features/&lt;Feature&gt;/</c>, then in <c>Features/Shared/</c>.</summary>
internal sealed class FeatureFolderViewLocations : IViewLocationExpander
{
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
    [
        "/Features/{1}/{0}.cshtml",
        "/Features/Shared/{0}.cshtml",
    ];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
    }
}
