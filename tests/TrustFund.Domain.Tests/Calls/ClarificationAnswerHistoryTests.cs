using TrustFund.Domain.Calls;
using TrustFund.Domain.Calls.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Calls;

public sealed class ClarificationAnswerHistoryTests
{
    private static readonly DateTime Now = PublishedCalls.Now;

    [Test]
    public void AnswerWith_UnpublishedAnswer_RewritesWithoutHistory()
    {
        var question = Asked();
        question.AnswerWith("First draft.", "manager", Now);

        question.AnswerWith("Better draft.", "manager", Now.AddMinutes(5));

        Assert.That(question.Answer, Is.EqualTo("Better draft."));
        Assert.That(question.EarlierAnswers, Is.Empty);
    }

    [Test]
    public void AnswerWith_PublishedAnswer_KeepsTheEarlierTextWithItsDates()
    {
        var question = Asked();
        question.AnswerWith("Partners may co-apply.", "manager@trustfund.test", Now);
        question.Publish(Now.AddMinutes(1));
        question.TakeEvents();

        var changed = question.AnswerWith("Partners may co-apply if registered in the same country.", "manager2@trustfund.test", Now.AddDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(question.IsPublished, Is.True);
            Assert.That(question.Answer, Is.EqualTo("Partners may co-apply if registered in the same country."));
            Assert.That(question.EarlierAnswers, Is.EqualTo(new[] { new AnswerRevision("Partners may co-apply.", Now, "manager@trustfund.test", Now.AddDays(2)) }));
            Assert.That(question.PendingEvents(), Is.EqualTo(new[] { new ClarificationAnswered(question.Id, question.CallId, AmendedPublishedAnswer: true) }));
        });
    }

    [Test]
    public void AnswerWith_SameTextAgain_ChangesNothing()
    {
        var question = Asked();
        question.AnswerWith("Yes.", "manager", Now);
        question.Publish(Now);
        question.TakeEvents();

        var changed = question.AnswerWith("  Yes.  ", "manager", Now.AddHours(1));

        Assert.That(changed, Is.False);
        Assert.That(question.EarlierAnswers, Is.Empty);
        Assert.That(question.AnsweredAtUtc, Is.EqualTo(Now));
        Assert.That(question.PendingEvents(), Is.Empty);
    }

    private static ClarificationQuestion Asked()
    {
        var call = PublishedCalls.Published(PublishedCalls.Terms() with { ClarificationDeadlineUtc = Now.AddDays(5) });
        var question = ClarificationQuestion.Ask(call, Guid.NewGuid(), Guid.NewGuid(), "Amina", "Can partners co-apply?", Now);
        question.TakeEvents();
        return question;
    }
}
