namespace TrustFund.Web.Features.Shared;

/// <summary>The id a form field gets from its model key, as ASP.NET Core's tag helpers produce it.</summary>
public static class FieldIds
{
    public static string For(string modelKey) =>
        Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(modelKey, "_");
}
