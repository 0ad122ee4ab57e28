using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Valid call terms and calls published at a known time.</summary>
public static class PublishedCalls
{
    public static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Terms of a short-term call open from 10 days before <see cref="Now"/>, closing 23:59 (UTC) 20 days after.</summary>
    public static CallTerms Terms(string code = "ST") => new()
    {
        Code = code,
        Title = "Emergency grants 2026",
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = Now.AddDays(-10),
        ClosesAtUtc = new DateTime(2026, 3, 22, 23, 59, 0, DateTimeKind.Utc),
        TimeZoneId = "UTC",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
        EligibleAreas = ["002"],
        AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French],
        RequiredDocuments = [DocumentType.RegistrationCertificate],
    };

    /// <summary>A call with <paramref name="terms"/> (or <see cref="Terms"/>), published before <see cref="Now"/>.</summary>
    public static Call Published(CallTerms? terms = null)
    {
        var call = Call.Draft(terms ?? Terms(), Now.AddDays(-20));
        call.Publish(Now.AddDays(-10));
        call.TakeEvents();
        return call;
    }
}
