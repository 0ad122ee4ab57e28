using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// Someone who forgot their password asks for a reset link. It goes only to an active account; the
/// answer is the same whether or not one exists.
/// </summary>
public sealed record RequestPasswordReset(string Email) : IUseCase<Done>;

internal sealed class RequestPasswordResetHandler : IUseCaseHandler<RequestPasswordReset, Done>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly AccountEmails _emails;

    public RequestPasswordResetHandler(ITrustFundDb db, UserManager<TrustFundUser> users, AccountEmails emails)
    {
        _db = db;
        _users = users;
        _emails = emails;
    }

    public async Task<Done> HandleAsync(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var user = await _users.FindByEmailAsync(request.Email.Trim());
        if (user is { IsActive: true })
        {
            _emails.ResetPassword(user, await _users.GeneratePasswordResetTokenAsync(user));
            await _db.SaveChangesAsync(cancellationToken);
        }

        return Done.Value;
    }
}
