using TrustFund.Domain.Common;

namespace TrustFund.Application.Common;

/// <summary>
/// Why a use case was refused, tied to the field it concerns (empty for the whole form). The message is
/// plain English and is also the localization key; <see cref="Arguments"/> fill its placeholders, so
/// the web layer translates the message before formatting it.
/// </summary>
public sealed record Problem(string Field, string Message, IReadOnlyList<object?> Arguments)
{
    /// <summary>A problem with one field.</summary>
    public static Problem For(string field, string message, params object?[] arguments) => new(field, message, arguments);

    /// <summary>A problem with the whole request.</summary>
    public static Problem General(string message, params object?[] arguments) => new(string.Empty, message, arguments);

    /// <summary>A problem with one field, worded by a translatable text.</summary>
    public static Problem For(string field, LocalText text) => new(field, text.Template, text.Arguments);

    /// <summary>A problem with the whole request, worded by a translatable text.</summary>
    public static Problem General(LocalText text) => new(string.Empty, text.Template, text.Arguments);

    /// <summary>The problem as a translatable text (its message and arguments).</summary>
    public LocalText Text => new(Message, [.. Arguments]);
}
