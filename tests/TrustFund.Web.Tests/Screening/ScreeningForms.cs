using AngleSharp.Html.Dom;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>Fills the screening form as a person would: every gate pass unless named, with the pre-filled comments.</summary>
public static class ScreeningForms
{
    public static async Task<HttpResponseMessage> PostScreeningAsync(
        TestSession session, Guid applicationId, string decision, string? reason = null, IReadOnlyDictionary<string, string>? results = null, bool confirmAll = true, IReadOnlyDictionary<string, string>? comments = null)
    {
        var url = $"/Manage/Applications/{applicationId}/Screening";
        var (_, page) = await session.GetPageAsync(url);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Version", ((IHtmlInputElement)page.QuerySelector("input[name=Version]")!).Value),
            new("ApplicationVersion", ((IHtmlInputElement)page.QuerySelector("input[name=ApplicationVersion]")!).Value),
            new("Decision", decision),
            new("Reason", reason ?? string.Empty),
        };
        var gates = page.QuerySelectorAll("[data-gate]").ToList();
        for (var i = 0; i < gates.Count; i++)
        {
            var gate = gates[i].GetAttribute("data-gate")!;
            fields.Add(new($"Gates[{i}].Gate", gate));
            var result = results?.GetValueOrDefault(gate) ?? (confirmAll ? "pass" : string.Empty);
            fields.Add(new($"Gates[{i}].Result", result));
            // A decided screening shows its comments as text, with no form fields to copy them from.
            var comment = comments?.GetValueOrDefault(gate) ?? gates[i].QuerySelector("textarea")?.TextContent ?? "Replayed after the decision.";
            fields.Add(new($"Gates[{i}].Comment", comment));
        }

        fields.Add(new("__RequestVerificationToken", await session.AntiforgeryTokenAsync(url)));
        return await session.Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
