using System.Globalization;

namespace TrustFund.Domain.Common;

/// <summary>
/// A sentence for people, kept translatable: its English template (with <c>{0}</c>, <c>{1:N0}</c>...
/// placeholders; the English text is the catalogue's key) and the arguments that fill it. Arguments
/// are strings, numbers, dates, <see cref="Money"/> (a <see cref="decimal"/> without a format is an
/// amount in US dollars too) or other <see cref="LocalText"/>s, translated in their turn.
/// <see cref="ToString"/> is the English sentence, for logs and English readers.
/// </summary>
public sealed class LocalText : IEquatable<LocalText>
{
    private readonly object?[] _arguments;

    public LocalText(string template, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        _arguments = arguments is null ? [] : [.. arguments];
    }

    /// <summary>The English template, also the catalogue's key.</summary>
    public string Template { get; }

    /// <summary>What fills the template's placeholders, in order.</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>A text with no placeholders.</summary>
    public static implicit operator LocalText(string text) => new(text);

    public static bool operator ==(LocalText? left, LocalText? right) => Equals(left, right);

    public static bool operator !=(LocalText? left, LocalText? right) => !Equals(left, right);

    /// <summary>
    /// The texts one after the other, separated by commas (or <paramref name="separator"/>). The separator
    /// is itself a text, translated with the items, so an Arabic reader sees "، " and "؛ ".
    /// </summary>
    public static LocalText List(IEnumerable<LocalText> items, string separator = ", ")
    {
        var parts = new List<object?>();
        foreach (var item in items)
        {
            if (parts.Count > 0)
            {
                parts.Add(new LocalText(separator));
            }

            parts.Add(item);
        }

        var template = string.Concat(Enumerable.Range(0, parts.Count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
        return new(template, [.. parts]);
    }

    /// <summary>A text with no placeholders.</summary>
    public static LocalText FromString(string text) => new(text);

    /// <summary>The English sentence: numbers in the invariant format ("4,000"), amounts as "USD 1,234.50", dates as "2 March 2026".</summary>
    public override string ToString() => Format(CultureInfo.InvariantCulture, template => template);

    /// <summary>
    /// The sentence in <paramref name="culture"/>: each template (this one and those of nested texts)
    /// passed through <paramref name="translate"/>; numbers and dates in the culture's formats, an
    /// amount as "USD 1,234.50" in them, a date without a format as "2 March 2026"; every argument
    /// that is not a nested text passed through <paramref name="isolate"/> (for right-to-left pages).
    /// </summary>
    public string Format(CultureInfo culture, Func<string, string> translate, Func<string, string>? isolate = null)
    {
        ArgumentNullException.ThrowIfNull(translate);
        var template = translate(Template);
        if (_arguments.Length == 0)
        {
            return template;
        }

        object?[] arguments = [.. _arguments.Select(a => a is LocalText nested ? (object)nested.Format(culture, translate, isolate) : new Argument(a, isolate))];
        return string.Format(culture, template, arguments);
    }

    public bool Equals(LocalText? other) =>
        other is not null && Template == other.Template && _arguments.SequenceEqual(other._arguments);

    public override bool Equals(object? obj) => obj is LocalText other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Template, _arguments.Length);

    /// <summary>One argument, formatted as the placeholder asks (or as its kind reads by default), then isolated.</summary>
    private sealed class Argument(object? value, Func<string, string>? isolate) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            var provider = formatProvider ?? CultureInfo.InvariantCulture;
            var text = value switch
            {
                null => string.Empty,
                Money money when format is null => money.ToString(provider),
                decimal amount when format is null => Money.FromStored(amount).ToString(provider),
                DateOnly day when format is null => day.ToString("d MMMM yyyy", provider),
                DateTime instant when format is null => instant.ToString("d MMMM yyyy", provider),
                IFormattable formattable => formattable.ToString(format, provider),
                _ => value.ToString() ?? string.Empty,
            };
            return isolate is null || text.Length == 0 ? text : isolate(text);
        }

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
