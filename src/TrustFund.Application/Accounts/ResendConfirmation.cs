using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// Someone asks for a new confirmation link. It goes only to an active, unconfirmed account with a
/// password; the answer is the same whether or not one exists.
/// </summary>
public sealed record ResendConfirmation(string Email) : IUseCase<Done>;

internal sealed class ResendConfirmationHandler : IUseCaseHandler<ResendConfirmation, Done>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly AccountEmails _emails;

    public ResendConfirmationHandler(ITrustFundDb db, UserManager<TrustFundUser> users, AccountEmails emails)
    {
        _db = db;
        _users = users;
        _emails = emails;
    }

    public async Task<Done> HandleAsync(ResendConfirmation request, CancellationToken cancellationToken)
    {
        var user = await _users.FindByEmailAsync(request.Email.Trim());
        if (user is { EmailConfirmed: false, IsActive: true } && await _users.HasPasswordAsync(user))
        {
            _emails.ConfirmEmail(user, await _users.GenerateEmailConfirmationTokenAsync(user));
            await _db.SaveChangesAsync(cancellationToken);
        }

        return Done.Value;
    }
}
