using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>The signed-in person keeps <see cref="Culture"/> ("fr", "ar"...) as the language of their pages and emails.</summary>
public sealed record ChooseLanguage(string Culture) : IUseCase<Done>;

internal sealed class ChooseLanguageHandler : IUseCaseHandler<ChooseLanguage, Done>
{
    private readonly UserManager<TrustFundUser> _users;
    private readonly ICurrentActor _actor;

    public ChooseLanguageHandler(UserManager<TrustFundUser> users, ICurrentActor actor)
    {
        _users = users;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(ChooseLanguage request, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync((_actor.UserId ?? throw new NotFoundException()).ToString()) ?? throw new NotFoundException();
        if (user.PreferredCulture == request.Culture)
        {
            return Done.Value;
        }

        user.PreferredCulture = request.Culture;
        if (!(await _users.UpdateAsync(user)).Succeeded)
        {
            throw new StaleEditException("User", user.Id);
        }

        return Done.Value;
    }
}
