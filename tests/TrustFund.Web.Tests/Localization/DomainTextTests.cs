using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Domain and use-case messages reach people in their language: each is a template with arguments
/// (never an interpolated string), translated whole, its numbers, amounts and dates written as the
/// pages write them, and on Arabic pages its arguments isolated so they keep their direction.
/// </summary>
public sealed partial class DomainTextTests
{
    private static readonly IStringLocalizer Text = new CatalogueLocalizer();

    [Test]
    public void English_FillsTheTemplateWithInvariantNumbersAmountsAndDates()
    {
        var text = new LocalText("Request between {0} and {1} by {2}, in at most {3:N0} characters.", 10_000m, Money.Usd(100_000m), new DateOnly(2026, 3, 2), 4000);

        Assert.That(text.ToString(), Is.EqualTo("Request between USD 10,000.00 and USD 100,000.00 by 2 March 2026, in at most 4,000 characters."));
    }

    [Test]
    public void French_TranslatesTheTemplateAndWritesAmountsAsThePagesDo()
    {
        using var _ = new Culture("fr");

        var message = Outcomes.Text(new LocalText("Request between {0} and {1}.", 10_000m, 100_000m), Text);

        Assert.That(message, Is.EqualTo("Demandez entre USD 10\u202F000,00 et USD 100\u202F000,00."));
    }

    [Test]
    public void French_TranslatesNestedTextsAndDates()
    {
        using var _ = new Culture("fr");
        var refusal = new LocalText("An application that is {0} cannot be {1}.", new LocalText("a draft"), new LocalText("put under review"));
        var later = new LocalText("The new end date must be after the current end date, {0}.", new DateOnly(2026, 3, 2));

        Assert.Multiple(() =>
        {
            Assert.That(Outcomes.Text(refusal, Text), Is.EqualTo("L'action «\u202Fmise en évaluation\u202F» n'est pas possible pour une demande à l'état «\u202Fbrouillon\u202F»."));
            Assert.That(Outcomes.Text(later, Text), Is.EqualTo("La nouvelle date de fin doit être postérieure à la date de fin actuelle, le 2 mars 2026."));
        });
    }

    [Test]
    public void Arabic_IsolatesAmountsAndNumbersButNotNestedTexts()
    {
        using var _ = new Culture("ar");
        var problem = Problem.General(new LocalText("Budget line {0}: the total is too large.", 3));
        var refusal = new LocalText("A call that is {0} cannot be {1}.", new LocalText("closed"), new LocalText("published"));

        Assert.Multiple(() =>
        {
            Assert.That(Outcomes.Message(problem, Text), Is.EqualTo("بند الميزانية \u20683\u2069: المجموع كبير جدًا."));
            Assert.That(Outcomes.Text(refusal, Text), Is.EqualTo("لا يمكن تنفيذ الإجراء «منشور» على دعوة حالتها «مقفل»."));
        });
    }

    [TestCase("en", "closed, published; closed", "UNVTF-ST-2026-0001, UNVTF-ST-2026-0002")]
    [TestCase("fr", "clôturé, publié\u202F; clôturé", "UNVTF-ST-2026-0001, UNVTF-ST-2026-0002")]
    [TestCase("ar", "مقفل، منشور؛ مقفل", "\u2068UNVTF-ST-2026-0001\u2069، \u2068UNVTF-ST-2026-0002\u2069")]
    public void Lists_AreSeparatedAsTheReadersLanguageWritesThem(string language, string words, string references)
    {
        using var _ = new Culture(language);
        var nested = LocalText.List([LocalText.List([new LocalText("closed"), new LocalText("published")]), new LocalText("closed")], "; ");
        var argued = LocalText.List([new LocalText("{0}", "UNVTF-ST-2026-0001"), new LocalText("{0}", "UNVTF-ST-2026-0002")]);

        Assert.Multiple(() =>
        {
            Assert.That(Outcomes.Text(nested, Text), Is.EqualTo(words));
            Assert.That(Outcomes.Text(argued, Text), Is.EqualTo(references));
        });
    }

    [Test]
    public void StaleEdit_InFrench_SaysWhenWithoutAnEnglishWord()
    {
        using var _ = new Culture("fr");

        var message = Outcomes.StaleMessage(new StaleEdit("Call", Guid.NewGuid(), "manager@trustfund.test", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc)), Text);

        Assert.That(message, Does.StartWith("manager@trustfund.test a modifié cet élément le 2 mars 2026, 09:00 UTC, après l'ouverture de cette page."));
    }

    [Test]
    public void Arabic_IsolatesAnAmount()
    {
        using var _ = new Culture("ar");

        var message = Outcomes.Text(new LocalText("The budget total ({0}) equals the amount requested.", 45_000m), Text);

        Assert.That(message, Is.EqualTo("مجموع الميزانية (\u2068USD 45,000.00\u2069) يساوي المبلغ المطلوب."));
    }

    /// <summary>
    /// A message for people in the domain or the use cases written as an interpolated string cannot
    /// be translated (the catalogue is keyed by the English template): it must be a LocalText.
    /// </summary>
    [Test]
    public void DomainAndUseCaseMessages_AreNeverInterpolatedStrings()
    {
        var root = CatalogueKeys.RepositoryRoot();
        var offenders = new List<string>();
        foreach (var project in new[] { "TrustFund.Domain", "TrustFund.Application" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories))
            {
                var source = File.ReadAllText(file);
                foreach (Match match in InterpolatedMessage().Matches(source))
                {
                    var line = source[..match.Index].Count(c => c == '\n') + 1;
                    offenders.Add($"{Path.GetRelativePath(root, file)}:{line}");
                }
            }
        }

        Assert.That(offenders, Is.Empty, "use new LocalText(\"... {0} ...\", argument) or .WithText(\"...\", argument) instead");
    }

    [Test]
    public void TheScan_FindsAnInterpolatedMessage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(InterpolatedMessage().IsMatch("errors.Add(new RuleViolation(field, $\"Write at most {max} characters.\"));"), Is.True);
            Assert.That(InterpolatedMessage().IsMatch("throw new DomainException(\n    \"x.y\",\n    $\"It is {x}.\");"), Is.True);
            Assert.That(InterpolatedMessage().IsMatch(".WithMessage(_ => $\"At most {max}.\");"), Is.True);
            Assert.That(InterpolatedMessage().IsMatch("errors.Add(new RuleViolation(field, new LocalText(\"Write at most {0} characters.\", max)));"), Is.False);
            Assert.That(InterpolatedMessage().IsMatch("var field = $\"Budget[{i}]\";"), Is.False);
            Assert.That(InterpolatedMessage().IsMatch("throw new DomainException($\"{name}.illegal-transition\", Refusal(from, action));"), Is.False, "an interpolated code");
        });
    }

    /// <summary>An interpolated string given to something that shows it to people: a rule violation, a domain or refused exception, a problem, a validator message, a submission rule.</summary>
    [GeneratedRegex(@"(?:new\s+(?:LocalText|RefusedException|RulesViolatedException)|\.WithMessage|\.WithText|Problem\.General|FileInspection\.Refused)\(\s*(?:_\s*=>\s*)?\$""|(?:new\s+(?:RuleViolation|DomainException)|Problem\.For|\bFail|\bRule|errors\.Add\(new)\((?:[^;()]|\((?:[^;()]|\([^;()]*\))*\))*?[,?:]\s*\$""")]
    private static partial Regex InterpolatedMessage();

    private sealed class Culture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Culture(string name)
        {
            CultureInfo.CurrentCulture = TrustFund.Application.Common.FundCulture.Of(CultureInfo.GetCultureInfo(name));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
