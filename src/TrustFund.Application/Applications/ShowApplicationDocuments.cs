using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Applications;

/// <summary>The documents page of an application: its attachments and its organisation's documents, oldest first.</summary>
public sealed record ShowApplicationDocuments(Guid ApplicationId) : IUseCase<ApplicationDocuments>;

/// <summary>The application with its call, and the documents it can rely on (its own have an application id).</summary>
public sealed record ApplicationDocuments(ApplicationDetails Details, IReadOnlyList<Attachment> Attachments);

internal sealed class ShowApplicationDocumentsHandler : IUseCaseHandler<ShowApplicationDocuments, ApplicationDocuments>
{
    private readonly ITrustFundDb _db;
    private readonly IUseCaseHandler<ShowApplication, ApplicationDetails> _show;

    public ShowApplicationDocumentsHandler(ITrustFundDb db, IUseCaseHandler<ShowApplication, ApplicationDetails> show)
    {
        _db = db;
        _show = show;
    }

    public async Task<ApplicationDocuments> HandleAsync(ShowApplicationDocuments request, CancellationToken cancellationToken)
    {
        var details = await _show.HandleAsync(new ShowApplication(request.ApplicationId), cancellationToken);
        var application = details.Application;
        var attachments = await _db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == application.OrganisationId && (a.ApplicationId == application.Id || a.ApplicationId == null))
            .OrderBy(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        return new ApplicationDocuments(details, attachments);
    }
}
