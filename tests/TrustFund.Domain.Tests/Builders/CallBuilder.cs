using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds a call in any status by taking it through the legal moves that reach it.</summary>
public sealed class CallBuilder
{
    /// <summary>"Now" for call tests: the call opened a day ago and closes in 30 days.</summary>
    public static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime DraftedAt = Now.AddDays(-10);

    public static readonly DateTime PublishedAt = Now.AddDays(-5);

    private CallTerms _terms = ValidTerms();
    private CallStatus _status = CallStatus.Draft;

    public static CallBuilder ACall() => new();

    /// <summary>Terms that meet every rule: short-term window, open from yesterday for 30 days, questions until day 20.</summary>
    public static CallTerms ValidTerms() => new()
    {
        Code = "ST",
        Title = "Short-term grants",
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = Now.AddDays(-1),
        ClosesAtUtc = Now.AddDays(30),
        ClarificationDeadlineUtc = Now.AddDays(20),
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
    };

    public CallBuilder With(Func<CallTerms, CallTerms> change)
    {
        _terms = change(_terms);
        return this;
    }

    public CallBuilder In(CallStatus status)
    {
        _status = status;
        return this;
    }

    public Call Build()
    {
        var call = Call.Draft(_terms, DraftedAt);
        var path = _status switch
        {
            CallStatus.Draft => 0,
            CallStatus.Published => 1,
            CallStatus.Closed => 2,
            CallStatus.Decided => 3,
            CallStatus.Archived => 4,
        };
        if (path >= 1)
        {
            call.Publish(PublishedAt);
        }

        if (path >= 2)
        {
            call.Close(Now);
        }

        if (path >= 3)
        {
            call.MarkDecided();
        }

        if (path >= 4)
        {
            call.Archive();
        }

        return call;
    }
}
