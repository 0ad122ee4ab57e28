using FluentValidation;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Common;

/// <summary>Validator messages with arguments, kept translatable: the English sentence as the message, its template and arguments as the failure's state.</summary>
public static class ValidationTexts
{
    /// <summary>Words the failure with <paramref name="template"/> filled by <paramref name="arguments"/>, translated when shown.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string template, params object?[] arguments)
    {
        var text = new LocalText(template, arguments);
        return rule.WithMessage(text.ToString()).WithState(_ => text);
    }
}
