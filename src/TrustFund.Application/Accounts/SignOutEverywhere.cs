using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// A user ends every one of their sessions: a new security stamp ends the others at once (and fails
/// any earlier cookie at its next stamp check); the web layer then signs this one out.
/// </summary>
public sealed record SignOutEverywhere : IUseCase<Done>;

internal sealed class SignOutEverywhereHandler : IUseCaseHandler<SignOutEverywhere, Done>
{
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public SignOutEverywhereHandler(UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        if (await _users.GetUserAsync(_actor.User) is { } user)
        {
            if (!(await _users.UpdateSecurityStampAsync(user)).Succeeded)
            {
                throw new InvalidOperationException("Identity refused to renew a security stamp.");
            }

            await _audit.RecordNowAsync(AuditActions.SignedOutEverywhere, $"{user.Email} signed out of every session", "User", user.Id.ToString(), cancellationToken);
        }

        return Done.Value;
    }
}
