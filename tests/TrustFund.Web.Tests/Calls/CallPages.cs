using AngleSharp.Html.Dom;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

/// <summary>Reading and filling the fund managers' call pages as a browser would.</summary>
internal static class CallPages
{
    public static string? FieldError(IHtmlDocument page, string key) =>
        page.GetElementById($"{Features.Shared.FieldIds.For(key)}-error")?.TextContent;

    public static string? InputValue(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => null,
        };

    /// <summary>The edit form's fields as the browser would post them.</summary>
    public static async Task<Dictionary<string, string>> EditFormAsync(TestSession manager, Guid id)
    {
        var (response, page) = await manager.GetPageAsync($"/Manage/Calls/{id}/Edit");
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"GET /Manage/Calls/{id}/Edit");
        var form = (IHtmlFormElement)page.QuerySelector("form.call-form")!;
        var fields = new Dictionary<string, string> { ["Command"] = "save" };
        var indexes = new Dictionary<string, int>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                    if (box.Name == "AllowsSeveralApplicationsPerOrganisation")
                    {
                        fields[box.Name] = "true";
                        break;
                    }

                    var index = indexes.GetValueOrDefault(box.Name!);
                    indexes[box.Name!] = index + 1;
                    fields[$"{box.Name}[{index}]"] = box.Value;
                    break;
                case IHtmlInputElement { Type: "checkbox" }:
                case IHtmlInputElement { Type: "hidden", Name: "__RequestVerificationToken" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !fields.ContainsKey(input.Name):
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlTextAreaElement area:
                    fields[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[select.Name!] = select.Value ?? string.Empty;
                    break;
            }
        }

        return fields;
    }
}
