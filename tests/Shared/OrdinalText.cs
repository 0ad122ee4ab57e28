using NUnit.Framework.Constraints;

// NUnit compares Does.Contain, Does.StartWith and Does.EndWith (and Has.Some.Contains, .And.Contain...) with the
// current culture, which ignores the direction isolates U+2068/U+2069, the marks U+200E/U+200F and the Arabic
// tatweel: Does.Contain("\u2068Hope\u2069") passes on "Dear Hope," and Does.Not.Contain("\u2068") fails on any text.
// The test projects say what a reader sees character for character, so these classes, in the namespace that encloses
// every test namespace, take the place of NUnit's Does and Has and compare text ordinally. Collections still use
// NUnit's own equality, which is ordinal for strings.
namespace TrustFund;

internal abstract class Does : NUnit.Framework.Does
{
    public static new OrdinalText Contain(string? expected) => OrdinalText.Containing(expected);

    public static new OrdinalText StartWith(string? expected) => OrdinalText.StartingWith(expected);

    public static new OrdinalText EndWith(string? expected) => OrdinalText.EndingWith(expected);

    public static new OrdinalExpression Not => new OrdinalExpression().Not;
}

internal abstract class Has : NUnit.Framework.Has
{
    public static new OrdinalExpression Some => new OrdinalExpression().Some;

    public static new OrdinalExpression All => new OrdinalExpression().All;

    public static new OrdinalExpression None => new OrdinalExpression().None;

    public static new OrdinalExpression No => new OrdinalExpression().Not;

    public static new OrdinalExpression One => new OrdinalExpression().One;
}

internal abstract class Contains : NUnit.Framework.Contains
{
    public static new OrdinalText Substring(string? expected) => OrdinalText.Containing(expected);
}

/// <summary>A constraint expression whose text constraints compare ordinally.</summary>
internal sealed class OrdinalExpression : ConstraintExpression
{
    public OrdinalExpression()
    {
    }

    public OrdinalExpression(ConstraintBuilder builder)
        : base(builder)
    {
    }

    public new OrdinalExpression Not => Then(base.Not);

    public new OrdinalExpression Some => Then(base.Some);

    public new OrdinalExpression All => Then(base.All);

    public new OrdinalExpression None => Then(base.None);

    public new OrdinalExpression One => Then(base.One);

    public new OrdinalText Contain(string? expected) => Append(OrdinalText.Containing(expected));

    public new OrdinalText Contains(string? expected) => Append(OrdinalText.Containing(expected));

    public new OrdinalText StartWith(string? expected) => Append(OrdinalText.StartingWith(expected));

    public new OrdinalText StartsWith(string? expected) => Append(OrdinalText.StartingWith(expected));

    public new OrdinalText EndWith(string? expected) => Append(OrdinalText.EndingWith(expected));

    public new OrdinalText EndsWith(string? expected) => Append(OrdinalText.EndingWith(expected));

    private OrdinalExpression Then(ConstraintExpression appended) =>
        ReferenceEquals(appended, this) ? this : new OrdinalExpression(builder);
}

/// <summary>
/// Text containing, starting or ending with the expected text, character for character (ordinal); on a collection,
/// Contain keeps NUnit's meaning (an item equal to the expected text).
/// </summary>
internal sealed class OrdinalText : Constraint
{
    private readonly Kind _kind;
    private readonly string? _expected;
    private bool _ignoreCase;

    private OrdinalText(Kind kind, string? expected)
        : base(expected)
    {
        _kind = kind;
        _expected = expected;
    }

    private enum Kind
    {
        Containing,
        StartingWith,
        EndingWith,
    }

    public override string Description => (_kind switch
    {
        Kind.StartingWith => "String starting with ",
        Kind.EndingWith => "String ending with ",
        _ => "String containing ",
    }) + "\"" + Escaped(_expected) + "\"" + (_ignoreCase ? ", ignoring case" : string.Empty) + " (ordinal)";

    /// <summary>Compares ignoring case, still ordinally (no culture rule may drop a character).</summary>
    public OrdinalText IgnoreCase
    {
        get
        {
            _ignoreCase = true;
            return this;
        }
    }

    public new OrdinalExpression And => Join(new AndOperator());

    public new OrdinalExpression Or => Join(new OrOperator());

    public static OrdinalText Containing(string? expected) => new(Kind.Containing, expected);

    public static OrdinalText StartingWith(string? expected) => new(Kind.StartingWith, expected);

    public static OrdinalText EndingWith(string? expected) => new(Kind.EndingWith, expected);

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        if (actual is not string text || _expected is null)
        {
            if (_kind == Kind.Containing && actual is not null)
            {
                var collection = new ContainsConstraint(_expected);
                return (_ignoreCase ? collection.IgnoreCase : collection).ApplyTo(actual);
            }

            return new ConstraintResult(this, actual, false);
        }

        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var matches = _kind switch
        {
            Kind.StartingWith => text.StartsWith(_expected, comparison),
            Kind.EndingWith => text.EndsWith(_expected, comparison),
            _ => text.Contains(_expected, comparison),
        };
        return new ConstraintResult(this, Escaped(text), matches);
    }

    /// <summary>Shows the invisible characters a failure is about.</summary>
    private static string Escaped(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var shown = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u00A0' or '\u202F' or '\u2007' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C'
                || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c == '\u0640')
            {
                shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private OrdinalExpression Join(ConstraintOperator op)
    {
        var builder = Builder;
        if (builder is null)
        {
            builder = new ConstraintBuilder();
            builder.Append(this);
        }

        builder.Append(op);
        return new OrdinalExpression(builder);
    }
}
