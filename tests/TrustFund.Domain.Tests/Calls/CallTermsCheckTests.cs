using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Calls;

/// <summary><see cref="Call.Check"/>: each broken rule is reported once, on its own field, in plain words.</summary>
public sealed class CallTermsCheckTests
{
    private static readonly DateTime Now = CallBuilder.Now;

    private static readonly RubricCriterion[] TwoCriteria = [new("relevance", "Relevance", 60), new("budget", "Budget realism", 40)];

    /// <summary>One broken rule per case: a change to valid terms, and the single violation it must cause.</summary>
    private static IEnumerable<TestCaseData> Violations()
    {
        TestCaseData Case(string name, Func<CallTerms, CallTerms> change, string field, string message) =>
            new TestCaseData(change, field, message).SetArgDisplayNames(name);

        const string Code = "Enter a code of 1 to 20 letters, digits or hyphens, such as ST or 2026-MT.";
        yield return Case("empty code", t => t with { Code = string.Empty }, nameof(CallTerms.Code), Code);
        yield return Case("blank code", t => t with { Code = "   " }, nameof(CallTerms.Code), Code);
        yield return Case("21-character code", t => t with { Code = new string('A', 21) }, nameof(CallTerms.Code), Code);
        yield return Case("code with a space", t => t with { Code = "S T" }, nameof(CallTerms.Code), Code);
        yield return Case("code with an underscore", t => t with { Code = "ST_1" }, nameof(CallTerms.Code), Code);
        yield return Case("code with a non-ASCII letter", t => t with { Code = "ÉT" }, nameof(CallTerms.Code), Code);

        const string Title = "Enter a title of at most 200 characters.";
        yield return Case("empty title", t => t with { Title = string.Empty }, nameof(CallTerms.Title), Title);
        yield return Case("blank title", t => t with { Title = " \t " }, nameof(CallTerms.Title), Title);
        yield return Case("201-character title", t => t with { Title = new string('t', 201) }, nameof(CallTerms.Title), Title);

        yield return Case("20,001-character description", t => t with { Description = new string('d', 20_001) }, nameof(CallTerms.Description), "The description must be 20,000 characters or fewer.");

        yield return Case("unknown time zone", t => t with { TimeZoneId = "Mars/Olympus_Mons" }, nameof(CallTerms.TimeZoneId), "Choose a time zone from the list.");
        yield return Case("empty time zone", t => t with { TimeZoneId = string.Empty }, nameof(CallTerms.TimeZoneId), "Choose a time zone from the list.");

        const string Closing = "The closing date must be after the opening date.";
        yield return Case("closes when it opens", t => t with { ClosesAtUtc = t.OpensAtUtc, ClarificationDeadlineUtc = null }, nameof(CallTerms.ClosesAtUtc), Closing);
        yield return Case("closes before it opens", t => t with { ClosesAtUtc = t.OpensAtUtc.AddTicks(-1), ClarificationDeadlineUtc = null }, nameof(CallTerms.ClosesAtUtc), Closing);

        const string Clarification = "The clarification deadline must fall between the opening and the closing date.";
        yield return Case("questions after closing", t => t with { ClarificationDeadlineUtc = t.ClosesAtUtc.AddTicks(1) }, nameof(CallTerms.ClarificationDeadlineUtc), Clarification);
        yield return Case("questions before opening", t => t with { ClarificationDeadlineUtc = t.OpensAtUtc.AddTicks(-1) }, nameof(CallTerms.ClarificationDeadlineUtc), Clarification);

        yield return Case("negative minimum", t => t with { MinimumAmount = -1m }, nameof(CallTerms.MinimumAmount), "Enter the minimum amount in US dollars, zero or more, with at most two decimals.");
        yield return Case("minimum with three decimals", t => t with { MinimumAmount = 5_000.005m }, nameof(CallTerms.MinimumAmount), "Enter the minimum amount in US dollars, zero or more, with at most two decimals.");
        yield return Case("maximum with three decimals", t => t with { MaximumAmount = 20_000.001m }, nameof(CallTerms.MaximumAmount), "Enter the maximum amount in US dollars, zero or more, with at most two decimals.");
        yield return Case("envelope with three decimals", t => t with { Envelope = 200_000.001m }, nameof(CallTerms.Envelope), "Enter the total envelope in US dollars, zero or more, with at most two decimals.");
        yield return Case("envelope above the largest amount", t => t with { Envelope = Money.MaximumAmount + 1m }, nameof(CallTerms.Envelope), "Enter the total envelope in US dollars, zero or more, with at most two decimals.");
        yield return Case("zero maximum", t => t with { MinimumAmount = 0m, MaximumAmount = 0m }, nameof(CallTerms.MaximumAmount), "The maximum amount must be more than zero.");
        yield return Case("minimum above maximum", t => t with { MinimumAmount = 20_000.01m }, nameof(CallTerms.MinimumAmount), "The minimum amount cannot be more than the maximum amount.");
        yield return Case("envelope below maximum", t => t with { Envelope = 19_999.99m }, nameof(CallTerms.Envelope), "The total envelope must be at least the maximum amount of one grant.");

        const string Duration = "The maximum duration must be between 1 and 60 months.";
        yield return Case("zero months", t => t with { MaximumDurationMonths = 0 }, nameof(CallTerms.MaximumDurationMonths), Duration);
        yield return Case("61 months", t => t with { MaximumDurationMonths = 61 }, nameof(CallTerms.MaximumDurationMonths), Duration);

        yield return Case("unknown area code", t => t with { EligibleAreas = ["002", "999"] }, nameof(CallTerms.EligibleAreas), "'999' is not a UN M49 region or country code.");
        yield return Case("no area code at all", t => t with { EligibleAreas = ["002", null!] }, nameof(CallTerms.EligibleAreas), "'' is not a UN M49 region or country code.");
        yield return Case("ISO alpha-3 instead of an M49 code", t => t with { EligibleAreas = ["NGA"] }, nameof(CallTerms.EligibleAreas), "'NGA' is not a UN M49 region or country code.");

        const string Experience = "Minimum years of experience must be between 0 and 20.";
        yield return Case("negative experience", t => t with { MinimumYearsOfExperience = -1 }, nameof(CallTerms.MinimumYearsOfExperience), Experience);
        yield return Case("21 years of experience", t => t with { MinimumYearsOfExperience = 21 }, nameof(CallTerms.MinimumYearsOfExperience), Experience);

        yield return Case("no language", t => t with { AcceptedLanguages = [] }, nameof(CallTerms.AcceptedLanguages), "Choose at least one language proposals may be written in.");

        const string Reviewers = "Reviewers per application must be between 1 and 10.";
        yield return Case("no reviewer", t => t with { ReviewersPerApplication = 0 }, nameof(CallTerms.ReviewersPerApplication), Reviewers);
        yield return Case("11 reviewers", t => t with { ReviewersPerApplication = 11 }, nameof(CallTerms.ReviewersPerApplication), Reviewers);

        yield return Case("a scale up to 0", t => t with { ScoreScaleMaximum = 0 }, nameof(CallTerms.ScoreScaleMaximum), "The top of the scoring scale must be a whole number from 1 to 100.");
        yield return Case("no day to review", t => t with { ReviewDays = 0 }, nameof(CallTerms.ReviewDays), "Reviewers need between 1 and 365 days.");
        yield return Case("a threshold over 100", t => t with { DisagreementThreshold = 101 }, nameof(CallTerms.DisagreementThreshold), "The disagreement threshold must be from 1 to 100 points.");
        yield return Case("a negative minimum score", t => t with { MinimumScore = -1 }, nameof(CallTerms.MinimumScore), "The minimum score must be from 0 to 100.");

        const string Tranches = "Instalment percentages must each be more than zero and add up to 100.";
        yield return Case("no instalment", t => t with { TrancheTemplate = [] }, nameof(CallTerms.TrancheTemplate), Tranches);
        yield return Case("instalments adding up to 90", t => t with { TrancheTemplate = [50, 40] }, nameof(CallTerms.TrancheTemplate), Tranches);
        yield return Case("an instalment of zero", t => t with { TrancheTemplate = [100, 0] }, nameof(CallTerms.TrancheTemplate), Tranches);
        yield return Case("a negative instalment", t => t with { TrancheTemplate = [110, -10] }, nameof(CallTerms.TrancheTemplate), Tranches);

        yield return Case("empty rubric", t => t with { Rubric = [] }, nameof(CallTerms.Rubric), "The rubric needs at least one criterion.");
        yield return Case("criterion without a name", t => t with { Rubric = [new("relevance", " ", 60), TwoCriteria[1]] }, nameof(CallTerms.Rubric), "Every criterion needs a name of at most 200 characters.");
        yield return Case("criterion with a 201-character name", t => t with { Rubric = [new("relevance", new string('n', 201), 60), TwoCriteria[1]] }, nameof(CallTerms.Rubric), "Every criterion needs a name of at most 200 characters.");
        yield return Case("criterion weighing zero", t => t with { Rubric = [new("relevance", "Relevance", 100), new("budget", "Budget realism", 0)] }, nameof(CallTerms.Rubric), "Every criterion's weight must be between 1 and 100.");
        yield return Case("two criteria with one key", t => t with { Rubric = [new("relevance", "Relevance", 60), new("relevance", "Budget realism", 40)] }, nameof(CallTerms.Rubric), "Two criteria have the same key.");
        yield return Case("weights adding up to 90", t => t with { Rubric = [new("relevance", "Relevance", 50), new("budget", "Budget realism", 40)] }, nameof(CallTerms.Rubric), "The weights of the rubric must add up to 100; they add up to 90.");
    }

    /// <summary>Values on the edge of each rule, all accepted.</summary>
    private static IEnumerable<TestCaseData> Boundaries()
    {
        TestCaseData Case(string name, Func<CallTerms, CallTerms> change) => new TestCaseData(change).SetArgDisplayNames(name);

        yield return Case("valid terms as they are", t => t);
        yield return Case("20-character code with hyphens and digits", t => t with { Code = "2026-MT-" + new string('A', 12) });
        yield return Case("200-character title", t => t with { Title = new string('t', 200) });
        yield return Case("20,000-character description", t => t with { Description = new string('d', 20_000) });
        yield return Case("questions until closing", t => t with { ClarificationDeadlineUtc = t.ClosesAtUtc });
        yield return Case("questions only at opening", t => t with { ClarificationDeadlineUtc = t.OpensAtUtc });
        yield return Case("no clarification deadline", t => t with { ClarificationDeadlineUtc = null });
        yield return Case("closes one tick after opening", t => t with { ClosesAtUtc = t.OpensAtUtc.AddTicks(1), ClarificationDeadlineUtc = null });
        yield return Case("minimum zero", t => t with { MinimumAmount = 0m });
        yield return Case("minimum equals maximum equals envelope", t => t with { MinimumAmount = 20_000m, Envelope = 20_000m });
        yield return Case("cents", t => t with { MinimumAmount = 0.01m, MaximumAmount = 0.02m, Envelope = 0.02m });
        yield return Case("1 month", t => t with { MaximumDurationMonths = 1 });
        yield return Case("60 months", t => t with { MaximumDurationMonths = 60 });
        yield return Case("region, sub-region and country codes", t => t with { EligibleAreas = ["002", "419", "566"] });
        yield return Case("0 years", t => t with { MinimumYearsOfExperience = 0 });
        yield return Case("20 years", t => t with { MinimumYearsOfExperience = 20 });
        yield return Case("1 reviewer", t => t with { ReviewersPerApplication = 1 });
        yield return Case("10 reviewers", t => t with { ReviewersPerApplication = 10 });
        yield return Case("one instalment of 100", t => t with { TrancheTemplate = [100] });
        yield return Case("one criterion weighing 100", t => t with { Rubric = [new("all", "Overall quality", 100)] });
    }

    [TestCaseSource(nameof(Violations))]
    public void Check_OneRuleBroken_ReportsItOnItsFieldOnly(Func<CallTerms, CallTerms> change, string field, string message)
    {
        var violations = Call.Check(change(CallBuilder.ValidTerms()));

        Assert.That(violations.Select(v => (v.Field, v.Message)), Is.EqualTo(new[] { (field, message) }));
    }

    [TestCaseSource(nameof(Boundaries))]
    public void Check_ValuesOnTheEdge_AreAccepted(Func<CallTerms, CallTerms> change)
    {
        Assert.That(Call.Check(change(CallBuilder.ValidTerms())), Is.Empty);
    }

    [Test]
    public void Check_SeveralRulesBroken_ReportsEachOnItsField()
    {
        var terms = CallBuilder.ValidTerms() with { Code = string.Empty, Title = string.Empty, MaximumDurationMonths = 0, AcceptedLanguages = [] };

        var violations = Call.Check(terms);

        Assert.That(violations.Select(v => v.Field), Is.EquivalentTo(new[]
        {
            nameof(CallTerms.Code), nameof(CallTerms.Title), nameof(CallTerms.MaximumDurationMonths), nameof(CallTerms.AcceptedLanguages),
        }));
    }

    [Test]
    public void Draft_InvalidTerms_IsRefusedWithEveryViolation()
    {
        var terms = CallBuilder.ValidTerms() with { Code = "S T", ReviewersPerApplication = 0 };

        var error = Assert.Throws<RulesViolatedException>(() => Call.Draft(terms, Now))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EquivalentTo(new[] { nameof(CallTerms.Code), nameof(CallTerms.ReviewersPerApplication) }));
    }

    [Test]
    public void Draft_ValidTerms_UppercasesTheCodeAndTrimsTheTitle()
    {
        var call = Call.Draft(CallBuilder.ValidTerms() with { Code = "mt-2026", Title = "  Medium-term grants  " }, Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Draft));
            Assert.That(call.Code, Is.EqualTo("MT-2026"));
            Assert.That(call.Terms.Code, Is.EqualTo("MT-2026"));
            Assert.That(call.Title, Is.EqualTo("Medium-term grants"));
            Assert.That(call.CreatedAtUtc, Is.EqualTo(Now));
            Assert.That(call.PublishedAtUtc, Is.Null);
        });
    }
}
