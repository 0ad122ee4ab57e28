using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Calls.CallStatus;

namespace TrustFund.Domain.Tests.Calls;

/// <summary>
/// <see cref="Call.Amend"/>: only a draft or published call changes; a published call keeps its code;
/// a locked rubric keeps its criteria; a refused amendment leaves the terms as they were.
/// </summary>
public sealed class CallAmendmentTests
{
    private const string Reason = "The Board changed the window.";

    private static readonly DateTime Now = CallBuilder.Now;

    [Test]
    public void Amend_Draft_ChangesEveryTermIncludingTheCodeWithoutAnAmendment()
    {
        var call = CallBuilder.ACall().Build();
        var terms = CallBuilder.ValidTerms() with { Code = "st-2026", Title = " Short-term grants 2026 ", ClosesAtUtc = Now.AddDays(40), MaximumAmount = 25_000m };

        var amendment = call.Amend(terms, null, "manager", Now);

        Assert.Multiple(() =>
        {
            Assert.That(amendment, Is.Null, "nobody has applied to an unpublished call");
            Assert.That(call.Amendments, Is.Empty);
            Assert.That(call.Code, Is.EqualTo("ST-2026"));
            Assert.That(call.Title, Is.EqualTo("Short-term grants 2026"));
            Assert.That(call.ClosesAtUtc, Is.EqualTo(Now.AddDays(40)));
            Assert.That(call.Terms.MaximumAmount, Is.EqualTo(25_000m));
        });
    }

    [Test]
    public void Amend_PublishedWithANewClosingTime_ChangesItAndRecordsTheMove()
    {
        var call = CallBuilder.ACall().In(Published).Build();

        var amendment = call.Amend(call.Terms with { ClosesAtUtc = Now.AddDays(45) }, Reason, "manager", Now);

        Assert.Multiple(() =>
        {
            Assert.That(amendment!.Changes.Select(c => c.Term), Is.EqualTo(new[] { nameof(CallTerms.ClosesAtUtc) }));
            Assert.That(call.ClosesAtUtc, Is.EqualTo(Now.AddDays(45)));
            Assert.That(call.Terms.ClosesAtUtc, Is.EqualTo(Now.AddDays(45)));
        });
    }

    [Test]
    public void Amend_PublishedWithTheSameClosingTime_RecordsOnlyWhatChanged()
    {
        var call = CallBuilder.ACall().In(Published).Build();

        var amendment = call.Amend(call.Terms with { Title = "Short-term grants (amended)" }, Reason, "manager", Now);

        Assert.Multiple(() =>
        {
            Assert.That(amendment!.Changes.Select(c => c.Term), Is.EqualTo(new[] { nameof(CallTerms.Title) }));
            Assert.That(call.Title, Is.EqualTo("Short-term grants (amended)"));
        });
    }

    [TestCase(Closed)]
    [TestCase(Decided)]
    [TestCase(Archived)]
    public void Amend_AfterClosing_IsRefusedAndChangesNothing(CallStatus status)
    {
        var call = CallBuilder.ACall().In(status).Build();
        var before = call.Terms;

        var error = Assert.Throws<DomainException>(() => call.Amend(before with { Title = "Too late" }, Reason, "manager", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.InstanceOf<RulesViolatedException>());
            Assert.That(error.Code, Is.EqualTo("call.not-editable"));
            Assert.That(error.Message, Is.EqualTo("Only a draft or published call can be changed."));
            Assert.That(call.Terms, Is.SameAs(before));
            Assert.That(call.Title, Is.EqualTo("Short-term grants"));
        });
    }

    [Test]
    public void Amend_PublishedWithANewCode_IsRefusedOnTheCodeAndChangesNothing()
    {
        var call = CallBuilder.ACall().In(Published).Build();
        var before = call.Terms;

        var error = Assert.Throws<RulesViolatedException>(() => call.Amend(before with { Code = "ST2", Title = "Renamed" }, Reason, "manager", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => (v.Field, v.Message)), Is.EqualTo(new[]
            {
                (nameof(CallTerms.Code), "The code of a published call cannot change: reference numbers use it."),
            }));
            Assert.That(call.Code, Is.EqualTo("ST"));
            Assert.That(call.Title, Is.EqualTo("Short-term grants"));
            Assert.That(call.Terms, Is.SameAs(before));
        });
    }

    [Test]
    public void Amend_InvalidTerms_IsRefusedWithEachViolationAndChangesNothing()
    {
        var call = CallBuilder.ACall().In(Published).Build();
        var before = call.Terms;

        var error = Assert.Throws<RulesViolatedException>(() => call.Amend(before with { Title = string.Empty, MaximumDurationMonths = 0 }, Reason, "manager", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Field), Is.EquivalentTo(new[] { nameof(CallTerms.Title), nameof(CallTerms.MaximumDurationMonths) }));
            Assert.That(call.Terms, Is.SameAs(before));
        });
    }

    [TestCase(Draft)]
    [TestCase(Published)]
    public void Amend_RubricLocked_RefusesANewRubricOnTheRubricAndChangesNothing(CallStatus status)
    {
        var call = CallBuilder.ACall().In(status).Build();
        call.LockRubric(Now);
        var before = call.Terms;
        RubricCriterion[] changed = [.. before.Rubric.Select(c => c.Key == "relevance" ? c with { Weight = c.Weight - 5 } : c.Key == "needs" ? c with { Weight = c.Weight + 5 } : c)];

        var error = Assert.Throws<RulesViolatedException>(() => call.Amend(before with { Rubric = changed, Title = "New title" }, Reason, "manager", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => (v.Field, v.Message)), Is.EqualTo(new[]
            {
                (nameof(CallTerms.Rubric), "The rubric is locked: reviews have already been submitted against it."),
            }));
            Assert.That(call.Terms, Is.SameAs(before));
            Assert.That(call.Terms.Rubric, Is.EqualTo(DefaultRubric.Criteria));
        });
    }

    [Test]
    public void Amend_RubricLocked_AcceptsOtherChangesWithAnEqualRubric()
    {
        var call = CallBuilder.ACall().In(Published).Build();
        call.LockRubric(Now);
        RubricCriterion[] copy = [.. call.Terms.Rubric.Select(c => new RubricCriterion(c.Key, c.Name, c.Weight))];

        call.Amend(call.Terms with { Rubric = copy, Title = "New title" }, Reason, "manager", Now);

        Assert.That(call.Title, Is.EqualTo("New title"));
    }

    [Test]
    public void Amend_RubricNotLocked_ChangesTheRubric()
    {
        var call = CallBuilder.ACall().In(Published).Build();
        RubricCriterion[] rubric = [new("quality", "Overall quality", 100)];

        call.Amend(call.Terms with { Rubric = rubric }, Reason, "manager", Now);

        Assert.That(call.Terms.Rubric, Is.EqualTo(rubric));
    }

    [Test]
    public void LockRubric_Twice_KeepsTheFirstInstant()
    {
        var call = CallBuilder.ACall().In(Published).Build();

        call.LockRubric(Now);
        call.LockRubric(Now.AddDays(1));

        Assert.That(call.RubricLockedAtUtc, Is.EqualTo(Now));
    }
}
