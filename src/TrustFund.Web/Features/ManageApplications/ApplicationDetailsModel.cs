using TrustFund.Domain.Applications;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>Everything a fund manager sees about one application.</summary>
public sealed record ApplicationDetailsModel(
    GrantApplication Application,
    ApplicationDetailsModel.CallSummary Call,
    ApplicationDetailsModel.OrganisationSummary Organisation,
    ProposalContent ShownContent,
    ApplicationVersion? ShownVersion,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<Attachment> OrganisationDocuments,
    IReadOnlyList<AuditEntry> History,
    Screening? Screening,
    RequestInformationInput RequestInformation)
{
    /// <summary>The call as the page names it.</summary>
    public sealed record CallSummary(Guid Id, string Code, string Title);

    /// <summary>The organisation as the page names it (its profile and bank details are not read).</summary>
    public sealed record OrganisationSummary(Guid Id, string LegalName, OrganisationStatus Status);
}
