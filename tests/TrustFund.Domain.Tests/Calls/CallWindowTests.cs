using TrustFund.Domain.Calls;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Calls.CallStatus;

namespace TrustFund.Domain.Tests.Calls;

/// <summary>When a call takes drafts, submissions and questions (to the tick), and which countries it covers.</summary>
public sealed class CallWindowTests
{
    private static readonly DateTime Now = CallBuilder.Now;
    private static readonly DateTime Opens = Now.AddDays(-1);
    private static readonly DateTime Closes = Now.AddDays(30);
    private static readonly DateTime QuestionsUntil = Now.AddDays(20);

    private static IEnumerable<TestCaseData> Instants()
    {
        TestCaseData Case(string name, DateTime at, bool submissions, bool drafts, bool questions) =>
            new TestCaseData(at, submissions, drafts, questions).SetArgDisplayNames(name);

        yield return Case("a week before opening", Opens.AddDays(-7), false, true, true);
        yield return Case("one tick before opening", Opens.AddTicks(-1), false, true, true);
        yield return Case("at opening", Opens, true, true, true);
        yield return Case("at the clarification deadline", QuestionsUntil, true, true, true);
        yield return Case("the last tick of the clarification deadline's minute", QuestionsUntil.AddMinutes(1).AddTicks(-1), true, true, true);
        yield return Case("the minute after the clarification deadline", QuestionsUntil.AddMinutes(1), true, true, false);
        yield return Case("at closing", Closes, true, true, false);
        yield return Case("the last tick of the closing minute", Closes.AddMinutes(1).AddTicks(-1), true, true, false);
        yield return Case("the minute after closing", Closes.AddMinutes(1), false, false, false);
    }

    [TestCaseSource(nameof(Instants))]
    public void Accepts_PublishedCallAtAnInstant_FollowsItsDates(DateTime at, bool submissions, bool drafts, bool questions)
    {
        var call = CallBuilder.ACall().In(Published).Build();

        Assert.Multiple(() =>
        {
            Assert.That(call.AcceptsSubmissionsAt(at), Is.EqualTo(submissions), "submissions");
            Assert.That(call.AcceptsDraftsAt(at), Is.EqualTo(drafts), "drafts");
            Assert.That(call.AcceptsQuestionsAt(at), Is.EqualTo(questions), "questions");
        });
    }

    [Test]
    public void AcceptsQuestionsAt_NoClarificationDeadline_UntilClosing()
    {
        var call = CallBuilder.ACall().With(t => t with { ClarificationDeadlineUtc = null }).In(Published).Build();

        Assert.Multiple(() =>
        {
            Assert.That(call.AcceptsQuestionsAt(Closes.AddSeconds(59)), Is.True);
            Assert.That(call.AcceptsQuestionsAt(Closes.AddMinutes(1)), Is.False);
        });
    }

    [TestCase(Draft)]
    [TestCase(Closed)]
    [TestCase(Decided)]
    [TestCase(Archived)]
    public void Accepts_CallNotPublished_NothingEvenWithinItsDates(CallStatus status)
    {
        var call = CallBuilder.ACall().In(status).Build();

        Assert.Multiple(() =>
        {
            Assert.That(call.AcceptsSubmissionsAt(Now), Is.False, "submissions");
            Assert.That(call.AcceptsDraftsAt(Now), Is.False, "drafts");
            Assert.That(call.AcceptsQuestionsAt(Now), Is.False, "questions");
        });
    }

    [TestCase(new string[0], "NGA", true, TestName = "IsEligibleCountry_Worldwide_AnyCountry")]
    [TestCase(new string[0], "FRA", true, TestName = "IsEligibleCountry_Worldwide_AnotherCountry")]
    [TestCase(new[] { "002" }, "NGA", true, TestName = "IsEligibleCountry_Africa_NigeriaThreeLevelsDown")]
    [TestCase(new[] { "002" }, "FRA", false, TestName = "IsEligibleCountry_Africa_NotFrance")]
    [TestCase(new[] { "011" }, "NGA", true, TestName = "IsEligibleCountry_WesternAfrica_Nigeria")]
    [TestCase(new[] { "011" }, "KEN", false, TestName = "IsEligibleCountry_WesternAfrica_NotKenyaInEasternAfrica")]
    [TestCase(new[] { "202" }, "KEN", true, TestName = "IsEligibleCountry_SubSaharanAfrica_Kenya")]
    [TestCase(new[] { "419" }, "COL", true, TestName = "IsEligibleCountry_LatinAmericaAndCaribbean_Colombia")]
    [TestCase(new[] { "142", "419" }, "CHN", true, TestName = "IsEligibleCountry_AsiaOrLatinAmerica_China")]
    [TestCase(new[] { "142", "419" }, "NGA", false, TestName = "IsEligibleCountry_AsiaOrLatinAmerica_NotNigeria")]
    [TestCase(new[] { "566" }, "NGA", true, TestName = "IsEligibleCountry_NigeriaByItsM49Code_Nigeria")]
    [TestCase(new[] { "566" }, "GHA", false, TestName = "IsEligibleCountry_NigeriaByItsM49Code_NotGhanaNextDoor")]
    [TestCase(new[] { "011" }, "nga", true, TestName = "IsEligibleCountry_LowerCaseIsoCode_Eligible")]
    [TestCase(new[] { "002" }, "XYZ", false, TestName = "IsEligibleCountry_UnknownIsoCode_NotEligible")]
    [TestCase(new[] { "001" }, "FRA", true, TestName = "IsEligibleCountry_WorldCode_AnyCountry")]
    public void IsEligibleCountry_AreasAndCountry_MatchesTheM49Hierarchy(string[] areas, string iso3, bool expected)
    {
        var call = CallBuilder.ACall().With(t => t with { EligibleAreas = areas }).In(Published).Build();

        Assert.That(call.IsEligibleCountry(iso3), Is.EqualTo(expected));
    }
}
