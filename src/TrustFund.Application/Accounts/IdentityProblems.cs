using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>Identity's refusals (password rules, address format) as problems for the form's fields, in the fund's words.</summary>
internal static class IdentityProblems
{
    /// <summary>The code of the rule that refuses common passwords (see the infrastructure's validator).</summary>
    public const string CommonPassword = "PasswordCommon";

    public static IReadOnlyList<Problem> From(IdentityResult result, string passwordField, string emailField) =>
        [.. result.Errors.Select(e => From(e, passwordField, emailField))];

    /// <summary>Runs Identity's password rules (length, maximum length, common passwords) without saving anything.</summary>
    public static async Task<IReadOnlyList<Problem>> CheckNewPasswordAsync(UserManager<TrustFundUser> users, TrustFundUser user, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return [.. errors.Select(e => From(e, field, field))];
    }

    private static Problem From(IdentityError error, string passwordField, string emailField) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => Problem.For(passwordField, "Your password must be at least 12 characters long."),
        "PasswordTooLong" => Problem.For(passwordField, "Your password must be 128 characters or fewer."),
        CommonPassword => Problem.For(passwordField, "This password is too common and easy to guess. Choose a different one, such as three or four unrelated words."),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            Problem.For(emailField, "Enter an email address in the correct format, like name@example.org."),
        _ => Problem.For(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : string.Empty, error.Description),
    };
}
