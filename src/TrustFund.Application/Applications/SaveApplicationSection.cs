using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>
/// An applicant saves one section of their organisation's draft (project, beneficiaries, assistance,
/// budget, declarations): <see cref="Change"/> replaces that section's part of the content. Partial data
/// is fine; malformed data is refused by the application with every reason, tied to its field. A save
/// based on an older version than the current one (a colleague saved in between) is refused as stale.
/// </summary>
public sealed record SaveApplicationSection(Guid ApplicationId, Guid? Version, Func<ProposalContent, ProposalContent> Change) : IUseCase<SectionSaved>;

/// <summary>Whether the section was saved, or the application could no longer be changed (submitted meanwhile).</summary>
public sealed record SectionSaved(bool Saved);

internal sealed class SaveApplicationSectionHandler : IUseCaseHandler<SaveApplicationSection, SectionSaved>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public SaveApplicationSectionHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<SectionSaved> HandleAsync(SaveApplicationSection request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Edit);
        if (!application.IsEditable)
        {
            return new SectionSaved(false);
        }

        _db.ExpectVersion(application, request.Version);
        application.Edit(request.Change(application.Content), await Applicants.NameOfAsync(_db, _actor, cancellationToken), _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return new SectionSaved(true);
    }
}
