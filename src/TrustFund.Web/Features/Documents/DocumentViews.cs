using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TrustFund.Web.Features.Documents;

/// <summary>
/// Renders a document's Razor view to a self-contained HTML string for printing: the same view as the
/// on-screen page, laid out by <c>_PrintLayout</c> with the documents stylesheet inlined (the printing
/// browser fetches nothing).
/// </summary>
public sealed class DocumentViews
{
    /// <summary>ViewData key: set when the view is rendered for printing.</summary>
    public const string PrintKey = "Print";

    /// <summary>ViewData key: the stylesheet the print layout inlines.</summary>
    public const string StylesKey = "PrintStyles";

    private const string StylesheetPath = "css/documents.css";

    private readonly ICompositeViewEngine _views;
    private readonly Lazy<string> _styles;

    public DocumentViews(ICompositeViewEngine views, IWebHostEnvironment environment)
    {
        _views = views;
        _styles = new Lazy<string>(() =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo(StylesheetPath);
            using var reader = new StreamReader(file.CreateReadStream());
            return reader.ReadToEnd();
        });
    }

    /// <summary>The view's HTML, for printing.</summary>
    public async Task<string> RenderAsync(Controller controller, string viewName, object model)
    {
        var found = _views.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The document view {viewName} was not found in: {string.Join(", ", found.SearchedLocations)}");
        }

        var viewData = new ViewDataDictionary(controller.ViewData) { Model = model };
        viewData[PrintKey] = true;
        viewData[StylesKey] = _styles.Value;
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var context = new ViewContext(controller.ControllerContext, found.View, viewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
