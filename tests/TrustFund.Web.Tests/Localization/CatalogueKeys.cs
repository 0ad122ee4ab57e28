using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustFund.Application.Accounts;
using TrustFund.Application.Calls;
using TrustFund.Application.Email;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Every English text the application passes to its catalogue: literals in views, controllers,
/// validators and use cases, email templates, domain messages, the words of every enumeration value,
/// the labels written for them, role and call-term names, and the UN M49 region names.
/// </summary>
public static partial class CatalogueKeys
{
    private const string Literal = "\"((?:[^\"\\\\\\n]|\\\\.)*)\"";

    private static readonly Regex[] SourcePatterns =
    [
        new(@"\b(?:L|_text|text|localizer|_localizer|Text|T|S|_t)\[\s*" + Literal, RegexOptions.Compiled),
        new(@"\b(?:L|_text|text|localizer|_localizer)\.GetString\(\s*" + Literal, RegexOptions.Compiled),
        new(@"Problem\.(?:For\([^,()]*,|General\()\s*" + Literal, RegexOptions.Compiled),
        new(@"WithMessage\(\s*" + Literal, RegexOptions.Compiled),
        new(@"new\s+RefusedException\(\s*" + Literal, RegexOptions.Compiled),
        new(@"new\s+DomainException\(\s*""[^""]*""\s*,\s*" + Literal, RegexOptions.Compiled),
        new(@"new\s+RuleViolation\([^,()]*,\s*" + Literal, RegexOptions.Compiled),
        new(@"Catalogue\.Text\(\s*" + Literal, RegexOptions.Compiled),
        new(@"\[Display\(Name\s*=\s*" + Literal, RegexOptions.Compiled),
        new(@"new\s+LocalText\(\s*" + Literal, RegexOptions.Compiled),
        new(@"\.WithText\(\s*" + Literal, RegexOptions.Compiled),
        new(@"new\s+EmailText\(\s*" + Literal, RegexOptions.Compiled),
    ];

    // A counted text: its English singular and plural (Counted.Text, EmailCount, Plural.Format); the plural names its forms in the catalogue.
    private static readonly Regex CountedPattern = new(@"\b(?:Counted\.Text|EmailCount|Plural\.Format)\([^;""]*?" + Literal + @"\s*,\s*" + Literal, RegexOptions.Compiled);

    /// <summary>Types whose static methods name an enumeration value in English, for the views to translate.</summary>
    private static readonly Type[] LabelTypes =
    [
        typeof(Labels), typeof(CallLabels), typeof(TrustFund.Application.Applications.DocumentTypeNames),
        typeof(TrustFund.Domain.Applications.Screening), typeof(TrustFund.Domain.GranteeReports.Words),
        typeof(Features.Grants.GrantPageModel), typeof(Features.Decisions.DecisionPageModel), typeof(TrustFund.Application.Applications.StatusWords),
        typeof(TrustFund.Application.Payments.ConditionWords),
    ];

    /// <summary>The repository's root (the folder holding TrustFund.sln).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustFund.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TrustFund.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    /// <summary>Every key, each once, in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. FromSources().Concat(FromEmailTemplates()).Concat(FromEnumerations()).Concat(FromLabels()).Concat(FromNames()).Concat(FromDomainTexts())
            .Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The English plural of every counted text in the sources ("{0} applications"), each once, in ordinal order.</summary>
    public static IReadOnlyList<string> CountedTexts() =>
        [.. SourceTexts().SelectMany(text => CountedPattern.Matches(text).Select(m => Unescape(m.Groups[2].Value))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> SourceTexts()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories))
        {
            if ((file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
                && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            {
                yield return File.ReadAllText(file);
            }
        }
    }

    public static IEnumerable<string> FromSources()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories))
        {
            if (!(file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
                || file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) || file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (var pattern in SourcePatterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    yield return Unescape(match.Groups[1].Value);
                }
            }
        }
    }

    public static IEnumerable<string> FromEmailTemplates()
    {
        var assemblies = new[] { typeof(Mail).Assembly, typeof(TrustFund.Infrastructure.DependencyInjection).Assembly, typeof(Program).Assembly };
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.FieldType == typeof(EmailTemplate)))
            {
                if (field.GetValue(null) is EmailTemplate template)
                {
                    yield return template.Subject;
                    yield return template.Body;
                }
            }
        }
    }

    /// <summary>The words of every value of every enumeration of the domain and the use cases ("PendingVerification" → "Pending verification").</summary>
    public static IEnumerable<string> FromEnumerations() =>
        new[] { typeof(Call).Assembly, typeof(Mail).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.IsPublic && t != typeof(TrustFund.Application.Common.PluralCategory)) // names the forms of counted words, never shown
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Select(EnumText.Words);

    /// <summary>What each label method answers for each value of its enumeration.</summary>
    public static IEnumerable<string> FromLabels()
    {
        foreach (var method in LabelTypes.SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)))
        {
            var parameters = method.GetParameters();
            if (method.ReturnType != typeof(string) || parameters.Length != 1 || !parameters[0].ParameterType.IsEnum)
            {
                continue;
            }

            foreach (var value in Enum.GetValues(parameters[0].ParameterType))
            {
                string? label;
                try
                {
                    label = (string?)method.Invoke(null, [value]);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                if (label is not null)
                {
                    yield return label;
                }
            }
        }
    }

    /// <summary>Role names, call-term names, the exports' column names and the UN M49 region names (countries carry their own names in each language).</summary>
    public static IEnumerable<string> FromNames() =>
        Roles.All.Select(RoleNames.Display)
            .Concat(typeof(CallTerms).GetProperties().Select(p => CallTermNames.Of(p.Name)))
            .Concat(UnM49.Regions.Select(r => r.Name))
            .Concat(TrustFund.Application.Exports.ExportHeaders.Words);

    /// <summary>
    /// The words domain texts put into their sentences: each lifecycle's refusal sentence, state and
    /// action words, the counted categories of a report as they begin a sentence, and the concern categories.
    /// </summary>
    public static IEnumerable<string> FromDomainTexts()
    {
        var tables = typeof(Call).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => !f.FieldType.ContainsGenericParameters && f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(TrustFund.Domain.Common.TransitionTable<>));
        foreach (var table in tables)
        {
            var texts = (IEnumerable<string>)table.FieldType.GetProperty("Texts")!.GetValue(table.GetValue(null))!;
            foreach (var text in texts)
            {
                yield return text;
            }
        }

        var words = typeof(TrustFund.Domain.GranteeReports.Words);
        foreach (var method in words.GetMethods(BindingFlags.Static | BindingFlags.Public).Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }]))
        {
            foreach (var value in Enum.GetValues(method.GetParameters()[0].ParameterType))
            {
                if (method.Invoke(null, [value]) is string { Length: > 0 } word)
                {
                    yield return char.ToUpperInvariant(word[0]) + word[1..];
                }
            }
        }

        // The words private label methods of the aggregates put into their messages.
        foreach (var (type, name) in new[] { (typeof(TrustFund.Domain.Applications.GrantApplication), "Describe"), (typeof(TrustFund.Domain.GranteeReports.GranteeReport), "Describe"), (typeof(TrustFund.Domain.Grants.Grant), "Words"), (typeof(TrustFund.Domain.Decisions.DecisionPolicy), "Words") })
        {
            var method = type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic).Single(m => m.Name == name && m.GetParameters() is [{ ParameterType.IsEnum: true }]);
            foreach (var value in Enum.GetValues(method.GetParameters()[0].ParameterType))
            {
                if (method.Invoke(null, [value]) is string { Length: > 0 } word)
                {
                    yield return word;
                }
            }
        }

        foreach (var category in Enum.GetValues<TrustFund.Domain.Grants.ConcernCategory>())
        {
            yield return category.ToString().ToLowerInvariant();
        }
    }

    /// <summary>The placeholders of a text, like <c>{0}</c> and <c>{1:N0}</c>, sorted.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string Unescape(string literal) =>
        literal.Contains('\\', StringComparison.Ordinal) ? JsonSerializer.Deserialize<string>("\"" + literal + "\"")! : literal;

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
