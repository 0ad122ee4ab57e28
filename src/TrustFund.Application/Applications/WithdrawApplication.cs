using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>
/// An applicant withdraws their organisation's application, with a reason, at any time before a
/// decision (audited by <see cref="OnApplicationWithdrawn"/>). A repeated click finds it already withdrawn.
/// </summary>
public sealed record WithdrawApplication(Guid ApplicationId, string Reason) : IUseCase<WithdrawnApplication>;

/// <summary>Whether it was withdrawn now or had already been.</summary>
public sealed record WithdrawnApplication(bool AlreadyWithdrawn);

internal sealed class WithdrawApplicationHandler : IUseCaseHandler<WithdrawApplication, WithdrawnApplication>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public WithdrawApplicationHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<WithdrawnApplication> HandleAsync(WithdrawApplication request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Edit);
        if (application.Status == ApplicationStatus.Withdrawn)
        {
            return new WithdrawnApplication(true);
        }

        application.Withdraw(request.Reason, _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return new WithdrawnApplication(false);
    }
}
