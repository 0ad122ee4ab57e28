using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// Screens free text for what looks like a person's data: email addresses, phone numbers
/// (international, or local with at least 7 digits in groups), document numbers (passport-like
/// letters and digits, 6 to 9 characters; runs of 9 digits or more) and "name:" labels in English,
/// French, Spanish and Arabic. It is a net, not a proof: it errs towards flagging, and the submitter
/// may attest that flagged text is not about a victim. Dates, amounts, percentages and reference
/// numbers such as UNVTF-2026-RI-0003 are set aside before looking for numbers, so they are not flagged.
/// </summary>
public static partial class PersonalDataScreen
{
    private const char MaskCharacter = '•';
    private const int MinimumPhoneDigits = 7;
    private const int MaximumPhoneDigits = 15;

    /// <summary>Screens several fields; findings in field order, then by position.</summary>
    public static IReadOnlyList<PersonalDataFinding> Screen(IEnumerable<(string Field, string? Text)> fields) =>
        fields.SelectMany(f => Screen(f.Field, f.Text)).ToList();

    /// <summary>Screens one field's text; findings by position, never overlapping.</summary>
    public static IReadOnlyList<PersonalDataFinding> Screen(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var spans = new List<(int Start, int Length, PersonalDataKind Kind, int KeepPrefix)>();
        void Add(int start, int length, PersonalDataKind kind, int keepPrefix = 0)
        {
            if (!spans.Any(s => start < s.Start + s.Length && s.Start < start + length))
            {
                spans.Add((start, length, kind, keepPrefix));
            }
        }

        foreach (Match m in EmailAddress().Matches(text))
        {
            Add(m.Index, m.Length, PersonalDataKind.EmailAddress);
        }

        foreach (Match m in NameLabel().Matches(text))
        {
            Add(m.Index, m.Length, PersonalDataKind.NameLabel, m.Groups["label"].Length);
        }

        var numbers = WithoutHarmlessNumbers(text);
        foreach (Match m in PassportLike().Matches(numbers))
        {
            if (m.Length is >= 6 and <= 9)
            {
                Add(m.Index, m.Length, PersonalDataKind.DocumentNumber);
            }
        }

        foreach (Match m in LongDigitRun().Matches(numbers))
        {
            Add(m.Index, m.Length, PersonalDataKind.DocumentNumber);
        }

        foreach (Match m in PhoneCandidate().Matches(numbers))
        {
            if (IsPhoneNumber(m.Value))
            {
                Add(m.Index, m.Length, PersonalDataKind.PhoneNumber);
            }
        }

        return spans
            .OrderBy(s => s.Start)
            .Select(s => new PersonalDataFinding(field, s.Kind, Mask(text.Substring(s.Start, s.Length), s.KeepPrefix), s.Start, s.Length))
            .ToList();
    }

    /// <summary>
    /// Masks an excerpt: the first <paramref name="keepPrefix"/> characters (a label) stay; after them
    /// each word keeps its first letter when a label was kept, otherwise only the first character and
    /// the last two letters or digits stay. Punctuation and spaces stay, so the shape still shows.
    /// </summary>
    public static string Mask(string excerpt, int keepPrefix = 0)
    {
        var result = new StringBuilder(excerpt.Length);
        result.Append(excerpt.AsSpan(0, keepPrefix));
        var alphanumerics = excerpt.Skip(keepPrefix).Count(char.IsLetterOrDigit);
        var seen = 0;
        var previous = ' ';
        for (var i = keepPrefix; i < excerpt.Length; i++)
        {
            var c = excerpt[i];
            if (!char.IsLetterOrDigit(c))
            {
                result.Append(c);
                previous = c;
                continue;
            }

            seen++;
            var keep = keepPrefix > 0
                ? !char.IsLetterOrDigit(previous)
                : i == 0 || seen > alphanumerics - 2;
            result.Append(keep ? c : MaskCharacter);
            previous = c;
        }

        return result.ToString();
    }

    private static bool IsPhoneNumber(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < MinimumPhoneDigits or > MaximumPhoneDigits)
        {
            return false;
        }

        if (candidate.StartsWith('+') || candidate.StartsWith("00", StringComparison.Ordinal))
        {
            return true;
        }

        // A local number is written in groups: three or more ("06 12 34 56 78"), or two joined by a
        // hyphen or after an area code in brackets ("555-1234", "(022) 9171234"). Two groups joined by a
        // space are more often a year and a count ("in 2025 120 persons") than a phone number.
        var groups = DigitGroup().Count(candidate);
        return groups >= 3 || (groups == 2 && (candidate.Contains('-', StringComparison.Ordinal) || candidate.StartsWith('(')));
    }

    /// <summary>The text with dates, amounts, decimals and reference numbers blanked out (same length, so positions hold).</summary>
    private static string WithoutHarmlessNumbers(string text)
    {
        var working = text;
        foreach (var (pattern, harmless) in new (Regex, Func<string, bool>)[]
        {
            (ReferenceNumber(), _ => true), (IsoDate(), _ => true), (DayMonthYear(), IsDayAndMonth), (YearRange(), _ => true),
            (Amount(), _ => true), (GroupedNumber(), _ => true), (DecimalNumber(), _ => true),
        })
        {
            working = pattern.Replace(working, m => harmless(m.Value) ? new string('#', m.Length) : m.Value);
        }

        return working;
    }

    // 12-34-5678 is not a date: blank only real days and months (in either order, as the world writes them).
    private static bool IsDayAndMonth(string value)
    {
        var parts = value.Split(['-', '/', '.']);
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var second = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return first is >= 1 and <= 31 && second is >= 1 and <= 31 && (first <= 12 || second <= 12);
    }

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroup();

    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // A label ("Name:", "nom :", "nombre:", "الاسم:") followed by up to three words that start with a
    // letter: "Nombre: 45" (French for "number") is not a name.
    [GeneratedRegex(
        @"(?<label>(?<!\p{L})(?<!(?:project|organi[sz]ation|partner|programme|program|company|file|user)(?:'s|’s)?\s)(?:(?:full|first|last|given|family|victim'?s?|client'?s?|survivor'?s?)\s+)?(?:name|surname|nom|pr[ée]nom|nombre|apellidos?|الاسم)\s*[:：]\s*)\p{L}[\p{L}\p{M}'’-]*(?:[ \t]\p{L}[\p{L}\p{M}'’-]*){0,2}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameLabel();

    [GeneratedRegex(@"(?<![\w-])\p{Lu}{1,3}\d{5,8}(?![\w]|-\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PassportLike();

    [GeneratedRegex(@"(?<![\w.,])\d{9,}(?![\w]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();

    // Groups of digits (some in brackets) joined by one space, dot or hyphen, optionally after "+";
    // never starting or ending inside a longer word or code.
    [GeneratedRegex(
        @"(?<![\w+(#])(?<!\w[-/.])(?:\+\s?)?(?:\(\d{1,5}\)|\d{1,8})(?:(?:[ \u00A0.-]|(?<=\))[ \u00A0]?)(?:\(\d{1,5}\)|\d{1,8})){0,7}(?!\w)(?![-/.,]\w)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    // UNVTF-2026-RI-0003, GA/2026/0042: capitals, then at least two more parts.
    [GeneratedRegex(@"(?<![\w-])\p{Lu}{2,}(?:[-/][\p{Lu}\d]+){2,}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceNumber();

    [GeneratedRegex(@"(?<![\w.-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\w]|[-.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\w.-])\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?![\w]|[-.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\w.-])(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}(?![\w]|[-.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    // An amount named by its currency, grouped any way: "USD 12 500.00", "US$ 1.250.000", "3 000 EUR".
    [GeneratedRegex(
        @"(?:\b(?:USD|US\$|EUR|CHF|GBP)|[$€£])\s?(?:\d{1,3}(?:[,.\u00A0 ]\d{3})+|\d+)(?:[.,]\d{1,2})?|\b(?:\d{1,3}(?:[,.\u00A0 ]\d{3})+|\d+)(?:[.,]\d{1,2})?\s?(?:USD|EUR|CHF|GBP|dollars|euros|€)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    // 12,500 or 1,250,000.00: grouped with commas.
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?![\d]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedNumber();

    // 12500.00, 45,5 (%): a decimal number not part of a dotted series such as 022.917.12.34.
    [GeneratedRegex(@"(?<![\d.,])\d+[.,]\d{1,2}(?![\d]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
