using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Tests.Calls;

public sealed class ClarificationQuestionTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Ask_BeforeClarificationDeadline_KeepsAskerAndText()
    {
        var call = PublishedCall(clarificationDeadline: Now.AddDays(1));
        var organisation = Guid.NewGuid();

        var question = ClarificationQuestion.Ask(call, organisation, Guid.NewGuid(), "Amina", "  Can we apply with a partner?  ", Now);

        Assert.Multiple(() =>
        {
            Assert.That(question.CallId, Is.EqualTo(call.Id));
            Assert.That(question.OrganisationId, Is.EqualTo(organisation));
            Assert.That(question.Question, Is.EqualTo("Can we apply with a partner?"));
            Assert.That(question.IsPublished, Is.False);
        });
    }

    [Test]
    public void Ask_AfterClarificationDeadline_IsRefused()
    {
        var call = PublishedCall(clarificationDeadline: Now.AddSeconds(-1));

        var error = Assert.Throws<DomainException>(() => ClarificationQuestion.Ask(call, Guid.NewGuid(), Guid.NewGuid(), "Amina", "Too late?", Now));

        Assert.That(error!.Code, Is.EqualTo("clarification.closed"));
    }

    [Test]
    public void Ask_DraftCall_IsRefused()
    {
        var call = Call.Draft(Terms(null), Now.AddDays(-20));

        Assert.Throws<DomainException>(() => ClarificationQuestion.Ask(call, Guid.NewGuid(), Guid.NewGuid(), "Amina", "Is it open?", Now));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Ask_EmptyQuestion_IsRefused(string text)
    {
        var call = PublishedCall(null);

        var error = Assert.Throws<RulesViolatedException>(() => ClarificationQuestion.Ask(call, Guid.NewGuid(), Guid.NewGuid(), "Amina", text, Now));

        Assert.That(error!.Violations.Single().Field, Is.EqualTo(nameof(ClarificationQuestion.Question)));
    }

    [Test]
    public void Ask_OverlongQuestion_IsRefused()
    {
        var call = PublishedCall(null);

        Assert.Throws<RulesViolatedException>(() => ClarificationQuestion.Ask(call, Guid.NewGuid(), Guid.NewGuid(), "Amina", new string('q', ClarificationQuestion.TextMaxLength + 1), Now));
    }

    [Test]
    public void Publish_WithoutAnswer_IsRefused()
    {
        var question = ClarificationQuestion.Ask(PublishedCall(null), Guid.NewGuid(), Guid.NewGuid(), "Amina", "Question?", Now);

        var error = Assert.Throws<DomainException>(() => question.Publish(Now));

        Assert.That(error!.Code, Is.EqualTo("clarification.no-answer"));
    }

    [Test]
    public void Publish_Answered_SetsPublicationAndRefusesSecondPublish()
    {
        var question = ClarificationQuestion.Ask(PublishedCall(null), Guid.NewGuid(), Guid.NewGuid(), "Amina", "Question?", Now);
        question.AnswerWith("Yes.", "manager@trustfund.test", Now);

        question.Publish(Now);

        Assert.That(question.PublishedAtUtc, Is.EqualTo(Now));
        Assert.Throws<DomainException>(() => question.Publish(Now));
    }

    private static CallTerms Terms(DateTime? clarificationDeadline) => new()
    {
        Code = "ST",
        Title = "Short-term",
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = Now.AddDays(-10),
        ClosesAtUtc = Now.AddDays(30),
        ClarificationDeadlineUtc = clarificationDeadline,
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
    };

    private static Call PublishedCall(DateTime? clarificationDeadline)
    {
        var call = Call.Draft(Terms(clarificationDeadline), Now.AddDays(-20));
        call.Publish(Now.AddDays(-10));
        return call;
    }
}
