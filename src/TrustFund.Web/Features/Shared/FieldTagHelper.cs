using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// One accessible form field: label, optional hint, the field's error and the input, tied together
/// with <c>aria-describedby</c>. Usage: <c>&lt;tf-field for="Email" type="email" autocomplete="username" /&gt;</c>.
/// Passwords are never written back into the page.
/// </summary>
[HtmlTargetElement("tf-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>An input type, or <c>textarea</c>.</summary>
    public string Type { get; set; } = "text";

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>Overrides the label from the model's display name.</summary>
    public string? Label { get; set; }

    public int Rows { get; set; } = 5;

    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.For(name);
        var modelState = ViewContext.ViewData.ModelState;
        var errors = modelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var hasError = errors.Count > 0;
        var attempted = entry?.AttemptedValue;
        var value = Type == "password" ? null : attempted ?? Format(For.Model);
        var label = Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var enc = HtmlEncoder.Default;
        html.Append(CultureInfo.InvariantCulture, $"<label class=\"form-label fw-semibold\" for=\"{id}\">{enc.Encode(label)}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add($"{id}-hint");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"form-text mt-0 mb-1\" id=\"{id}-hint\">{enc.Encode(Hint)}</div>");
        }

        if (hasError)
        {
            describedBy.Add($"{id}-error");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"text-danger fw-semibold mb-1\" id=\"{id}-error\"><span class=\"visually-hidden\">Error: </span>{enc.Encode(string.Join(" ", errors))}</div>");
        }

        var common = new System.Text.StringBuilder();
        common.Append(CultureInfo.InvariantCulture, $" id=\"{id}\" name=\"{enc.Encode(name)}\" class=\"form-control{(hasError ? " is-invalid" : string.Empty)}\"");
        if (describedBy.Count > 0)
        {
            common.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        if (hasError)
        {
            common.Append(" aria-invalid=\"true\"");
        }

        if (Required)
        {
            common.Append(" required aria-required=\"true\"");
        }

        if (DirectionOf(Type) is { } direction)
        {
            common.Append(CultureInfo.InvariantCulture, $" dir=\"{direction}\"");
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            common.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }

        if (Type == "textarea")
        {
            html.Append(CultureInfo.InvariantCulture, $"<textarea{common} rows=\"{Rows}\">{enc.Encode(value ?? string.Empty)}</textarea>");
        }
        else
        {
            var valueAttribute = value is null ? string.Empty : $" value=\"{enc.Encode(value)}\"";
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"{enc.Encode(Type)}\"{common}{valueAttribute} />");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "mb-3 field field-error" : "mb-3 field");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>
    /// The writing direction of what is typed: names and free text follow their first letter ("auto": a Latin
    /// name on an Arabic page reads left to right); email and web addresses, telephone numbers and passwords
    /// always read left to right; dates and numbers are the browser's to lay out.
    /// </summary>
    private static string? DirectionOf(string type) => type.ToLowerInvariant() switch
    {
        "text" or "search" or "textarea" => "auto",
        "email" or "url" or "tel" or "password" => "ltr",
        _ => null,
    };

    private static string? Format(object? model) => model switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => model.ToString(),
    };
}
