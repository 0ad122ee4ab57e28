using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// Someone opens an emailed link that sets a password: a password reset, or an invitation (valid while
/// the invited person has no password). Not found when the link is not, or no longer, good.
/// <see cref="VerifyToken"/> false reads only who the link names (the token is checked when it is used).
/// </summary>
public sealed record OpenPasswordLink(string? UserId, string? Code, bool Invitation, bool VerifyToken = true) : IUseCase<PasswordLinkHolder>;

/// <summary>Who the link is for, and the language their account has (null: none chosen).</summary>
public sealed record PasswordLinkHolder(string Name, string Email, string? Culture = null);

internal sealed class OpenPasswordLinkHandler : IUseCaseHandler<OpenPasswordLink, PasswordLinkHolder>
{
    private readonly UserManager<TrustFundUser> _users;

    public OpenPasswordLinkHandler(UserManager<TrustFundUser> users)
    {
        _users = users;
    }

    public async Task<PasswordLinkHolder> HandleAsync(OpenPasswordLink request, CancellationToken cancellationToken)
    {
        var link = request.Invitation
            ? await AccountLinkReader.ReadInvitationAsync(_users, request.UserId, request.Code)
            : await AccountLinkReader.ReadAsync(_users, request.UserId, request.Code) is { } read
              && (!request.VerifyToken || await AccountLinkReader.IsValidPasswordLinkAsync(_users, read))
                ? read
                : null;
        return link is null
            ? throw new NotFoundException()
            : new PasswordLinkHolder(link.User.DisplayName, link.User.Email ?? string.Empty, link.User.PreferredCulture);
    }
}
