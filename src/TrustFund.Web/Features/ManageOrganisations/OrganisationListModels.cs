using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.ManageOrganisations;

/// <summary>One organisation in the verification list.</summary>
public sealed record OrganisationRow(Guid Id, string LegalName, string Country, OrganisationStatus Status, DateTime RegisteredAtUtc, DateTime? StatusChangedAtUtc);

/// <summary>The verification list: filters, one page of rows and counts per status.</summary>
public sealed record OrganisationListModel(
    OrganisationStatus? Status,
    string? Search,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyList<OrganisationRow> Rows,
    IReadOnlyDictionary<OrganisationStatus, int> CountsByStatus);
