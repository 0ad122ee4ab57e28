using TrustFund.Domain.Applications;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>Everything a fund manager sees about one application.</summary>
public sealed record ApplicationDetailsModel(
    GrantApplication Application,
    Call Call,
    Organisation Organisation,
    ProposalContent ShownContent,
    ApplicationVersion? ShownVersion,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<Attachment> OrganisationDocuments,
    IReadOnlyList<AuditEntry> History,
    Screening? Screening,
    RequestInformationInput RequestInformation);
