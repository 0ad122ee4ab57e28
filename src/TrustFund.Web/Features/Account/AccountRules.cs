using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.Account;

/// <summary>Validation rules shared by the account forms.</summary>
public static class AccountRules
{
    public const int EmailMaximumLength = 256;

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<SharedResource> text) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Enter your email address."])
            .Must(v => v!.Trim().Length <= EmailMaximumLength).WithMessage(_ => text["Email addresses must be 256 characters or fewer."])
            .Must(v => IsEmailShaped(v!.Trim())).WithMessage(_ => text["Enter an email address in the correct format, like name@example.org."]);

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<SharedResource> text) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Enter a password."])
            .MinimumLength(DependencyInjection.PasswordMinimumLength).WithMessage(_ => text["Your password must be at least 12 characters long."])
            .MaximumLength(MaximumLengthPasswordValidator.MaximumLength).WithMessage(_ => text["Your password must be 128 characters or fewer."]);

    /// <summary>A person's or organisation's name: required, trimmed length limit, no line breaks or invisible control characters.</summary>
    /// <remarks>The messages are English keys, looked up in <paramref name="text"/> when a form is checked (in the request's language).</remarks>
    public static IRuleBuilderOptions<T, string?> Name<T>(
        this IRuleBuilderInitial<T, string?> rule,
        int maximumLength,
        IStringLocalizer<SharedResource> text,
        string missing,
        string tooLong,
        string controlCharacters) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[missing])
            .Must(v => v!.Trim().Length <= maximumLength).WithMessage(_ => text[tooLong])
            .Must(v => !v!.Any(char.IsControl)).WithMessage(_ => text[controlCharacters]);

    private static bool IsEmailShaped(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains('@', StringComparison.Ordinal);
    }
}
