using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Applications;

/// <summary>
/// An applicant starts a draft application to a call for their organisation. When the call accepts one
/// application per organisation and the organisation already has one, that one is opened instead
/// (also when two clicks race: the transaction is serializable, and the loser finds the winner's draft).
/// </summary>
public sealed record StartApplication(Guid CallId) : IUseCase<StartedApplication>;

/// <summary>How the start ended.</summary>
public enum StartResult
{
    /// <summary>A new draft was started.</summary>
    Started,

    /// <summary>The organisation's existing application to the call was opened instead.</summary>
    Existing,

    /// <summary>The call does not accept drafts now; nothing was started.</summary>
    CallNotOpen,
}

/// <summary>The application started or found (none when the call is not open).</summary>
public sealed record StartedApplication(StartResult Result, Guid? ApplicationId);

internal sealed class StartApplicationHandler : IUseCaseHandler<StartApplication, StartedApplication>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public StartApplicationHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<StartedApplication> HandleAsync(StartApplication request, CancellationToken cancellationToken)
    {
        var organisationId = await Applicants.OrganisationOfAsync(_db, _actor, cancellationToken) ?? throw new NotFoundException();
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId && c.Status != CallStatus.Draft, cancellationToken) ?? throw new NotFoundException();
        var startedBy = await Applicants.NameOfAsync(_db, _actor, cancellationToken);

        // Serializable: two simultaneous clicks cannot both see "no application yet" and both insert
        // (SQLite takes the write lock at once; PostgreSQL and SQL Server refuse one of the two).
        try
        {
            await using var transaction = await _db.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await ExistingAsync(organisationId, call, cancellationToken) is { } existingId)
            {
                return new StartedApplication(StartResult.Existing, existingId);
            }

            // Read in the transaction, so the application starts with the name a rename did not miss.
            var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
            GrantApplication application;
            try
            {
                application = GrantApplication.Start(call, organisation, startedBy, _clock.GetUtcNow().UtcDateTime);
            }
            catch (DomainException)
            {
                return new StartedApplication(StartResult.CallNotOpen, null);
            }

            _db.Applications.Add(application);
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new StartedApplication(StartResult.Started, application.Id);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException)
        {
            // The other click won: open its draft. Anything else is a real error.
            _db.Forget();
            return await ExistingAsync(organisationId, call, cancellationToken) is { } existingId
                ? new StartedApplication(StartResult.Existing, existingId)
                : throw new InvalidOperationException("The application could not be started.", ex);
        }
    }

    private async Task<Guid?> ExistingAsync(Guid organisationId, Call call, CancellationToken cancellationToken) =>
        call.Terms.AllowsSeveralApplicationsPerOrganisation
            ? null
            : await _db.Applications.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.CallId == call.Id && a.Status != ApplicationStatus.Withdrawn)
                .OrderBy(a => a.CreatedAtUtc)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
}
