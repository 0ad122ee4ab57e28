using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>Accepts passphrases up to 128 characters and refuses longer ones with a clear message.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<TrustFundUser>
{
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<TrustFundUser> manager, TrustFundUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords must be {MaximumLength} characters or fewer.",
            })
            : IdentityResult.Success);
}
