using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// The safeguarding rule used by release and payment: while any concern against the organisation is
/// open, none of its instalments can be requested, approved or paid.
/// </summary>
public static class PaymentBlock
{
    /// <summary>The open concerns among <paramref name="concerns"/> that are against <paramref name="organisationId"/>, oldest first.</summary>
    public static IReadOnlyList<SafeguardingConcern> OpenConcerns(Guid organisationId, IEnumerable<SafeguardingConcern> concerns) =>
        [.. concerns.Where(c => c.OrganisationId == organisationId && c.IsOpen).OrderBy(c => c.OpenedOn)];

    /// <summary>Throws a domain error naming each open concern's category and date, when there is one.</summary>
    public static void EnsureNoOpenConcern(Guid organisationId, IEnumerable<SafeguardingConcern> concerns)
    {
        var open = OpenConcerns(organisationId, concerns);
        if (open.Count > 0)
        {
            throw new DomainException(
                "grant.concern-open",
                new LocalText("Payments to this organisation are blocked while a concern is open: {0}.", LocalText.List(open.Select(c => c.Text()), "; ")));
        }
    }
}
