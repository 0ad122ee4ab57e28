using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Database.Tests.Engines;

/// <summary>Calls for the engine checks, made through the domain.</summary>
internal static class TestCalls
{
    /// <summary>A call open since a day before <paramref name="nowUtc"/> for 30 days, taking several applications per organisation.</summary>
    public static Call Published(string code, string title, DateTime nowUtc)
    {
        var call = Call.Draft(
            new CallTerms
            {
                Code = code,
                Title = title,
                WindowType = WindowType.ShortTerm,
                OpensAtUtc = nowUtc.AddDays(-1),
                ClosesAtUtc = nowUtc.AddDays(30),
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 5_000m,
                MaximumAmount = 20_000m,
                MaximumDurationMonths = 9,
                Envelope = 500_000m,
                AllowsSeveralApplicationsPerOrganisation = true,
                AcceptedLanguages = [ProposalLanguage.English],
                RequiredDocuments = [DocumentType.RegistrationCertificate],
            },
            nowUtc);
        call.Publish(nowUtc);
        return call;
    }
}
