using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using TrustFund.Application.Applications;

namespace TrustFund.Infrastructure.Applications;

/// <summary>
/// Where a page of the managers' list starts or ends: the sort value and id of its edge row, as an opaque
/// token in the link. The next page is read by seeking past it in an index, so page 100 costs what page 1
/// costs (no OFFSET).
/// </summary>
public sealed record ApplicationListCursor(string SortKey, string Value, Guid Id)
{
    private const char Separator = '\u001f';

    public static ApplicationListCursor From(ApplicationListEntry row, string sortKey) => new(
        sortKey,
        sortKey switch
        {
            "amount" => row.AmountRequested?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            "title" => row.Title,
            "organisation" => row.OrganisationName,
            _ => row.SubmittedAtUtc?.Ticks.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        },
        row.Id);

    /// <summary>Reads a token made by <see cref="Encode"/> for the same sort; anything else is null.</summary>
    public static ApplicationListCursor? Decode(string? token, string sortKey)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split(Separator);
        if (parts.Length != 3 || parts[0] != sortKey || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return null;
        }

        var cursor = new ApplicationListCursor(sortKey, parts[1], id);
        var valid = sortKey switch
        {
            "amount" => cursor.Amount is not null,
            "submitted" => cursor.Submitted is not null,
            _ => true,
        };
        return valid ? cursor : null;
    }

    public decimal? Amount =>
        decimal.TryParse(Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public DateTime? Submitted =>
        long.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Join(Separator, SortKey, Value, Id.ToString("N"))));
}
