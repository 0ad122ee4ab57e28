using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Applications;

public sealed record ApplicationHeader(
    Guid Id,
    string Title,
    string? Reference,
    ApplicationStatus Status,
    string CallCode,
    string CallTitle,
    string Deadline,
    bool Editable,
    string? InformationRequest,
    string LastEditedBy,
    DateTime LastEditedAtUtc);

public sealed record SectionPage(ApplicationHeader Header, Call Call, string? Conflict);

public sealed record MyApplicationsModel(IReadOnlyList<MyApplicationRow> Applications, IReadOnlyList<OpenCallRow> OpenCalls, bool OrganisationVerified);

public sealed record MyApplicationRow(Guid Id, string Title, string CallCode, string CallTitle, string? Reference, ApplicationStatus Status, DateTime LastEditedAtUtc, string Deadline);

public sealed record OpenCallRow(Guid Id, string Code, string Title, string Deadline, Guid? ExistingApplicationId);

public sealed record OverviewModel(ApplicationHeader Header, IReadOnlyList<SectionProgress> Sections, IReadOnlyList<VersionRow> Versions, bool CanWithdraw, string? WithdrawalReason);

public sealed record SectionProgress(ApplicationSection Section, int Problems);

public sealed record VersionRow(int Number, DateTime SubmittedAtUtc, string SubmittedBy);

public sealed record DocumentsModel(ApplicationHeader Header, IReadOnlyList<DocumentSlot> Slots, long UsedBytes);

public sealed record DocumentSlot(DocumentType Type, bool Required, int Needed, IReadOnlyList<AttachmentRow> Attachments, IReadOnlyList<AttachmentRow> OrganisationDocuments);

public sealed record AttachmentRow(Guid Id, string FileName, long SizeBytes, DateTime UploadedAtUtc, string UploadedBy);

public sealed record SubmitModel(ApplicationHeader Header, IReadOnlyList<SubmissionCheck> Checks);

public sealed record ReceiptModel(ApplicationHeader Header, string Reference, string SubmittedAt, int VersionNumber, decimal? AmountRequested, string SubmittedBy);

public sealed record CompareModel(ApplicationHeader Header, int From, int To, IReadOnlyList<int> Numbers, IReadOnlyList<ComparedField> Fields);

public sealed record ComparedField(string Label, string From, string To)
{
    public bool Changed => !string.Equals(From, To, StringComparison.Ordinal);
}
