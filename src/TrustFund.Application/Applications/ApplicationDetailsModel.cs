using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Applications;

/// <summary>Everything a fund manager sees about one application, read as the page shows it.</summary>
public sealed record ApplicationDetailsModel(
    ApplicationDetailsModel.ApplicationSummary Application,
    ApplicationDetailsModel.CallSummary Call,
    ApplicationDetailsModel.OrganisationSummary Organisation,
    ProposalContent ShownContent,
    ApplicationDetailsModel.VersionSummary? ShownVersion,
    IReadOnlyList<ApplicationDetailsModel.DocumentSummary> Attachments,
    IReadOnlyList<ApplicationDetailsModel.DocumentSummary> OrganisationDocuments,
    IReadOnlyList<ApplicationDetailsModel.HistoryLine> History,
    ApplicationDetailsModel.ScreeningSummary? Screening)
{
    /// <summary>The application's own fields the page shows (its content is <see cref="ShownContent"/>).</summary>
    public sealed record ApplicationSummary(
        Guid Id,
        Guid Version,
        string Title,
        string? Reference,
        ApplicationStatus Status,
        DateTime? SubmittedAtUtc,
        string? InformationRequest,
        string? IneligibilityReason,
        string? WithdrawalReason,
        IReadOnlyList<VersionSummary> Versions);

    /// <summary>A submitted version as the list of versions names it (its content is read only when shown).</summary>
    public sealed record VersionSummary(int Number, DateTime SubmittedAtUtc, string SubmittedBy);

    /// <summary>The call as the page names it.</summary>
    public sealed record CallSummary(Guid Id, string Code, string Title);

    /// <summary>The organisation as the page names it (its profile and bank details are not read).</summary>
    public sealed record OrganisationSummary(Guid Id, string LegalName, OrganisationStatus Status);

    /// <summary>An attachment as the page lists it.</summary>
    public sealed record DocumentSummary(Guid Id, Guid? ApplicationId, DocumentType DocumentType, string FileName);

    /// <summary>One line of the application's history.</summary>
    public sealed record HistoryLine(DateTime OccurredAtUtc, string? ActorName, string Summary);

    /// <summary>Whether screening has started and whether it is decided.</summary>
    public sealed record ScreeningSummary(Guid Id, bool IsDecided);
}
