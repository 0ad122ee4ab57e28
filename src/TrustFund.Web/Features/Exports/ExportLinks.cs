namespace TrustFund.Web.Features.Exports;

/// <summary>Download links of one export in both formats, for <c>_ExportLinks.cshtml</c>: what is exported, and its address without the extension.</summary>
public sealed record ExportLinks(string What, string Address)
{
    /// <summary>The address in a format, keeping any query string (the list's filters).</summary>
    public string In(string extension)
    {
        var query = Address.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? $"{Address}.{extension}" : $"{Address[..query]}.{extension}{Address[query..]}";
    }
}
