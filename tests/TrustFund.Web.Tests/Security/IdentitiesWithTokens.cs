using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// For the security matrix's second pass: on an app of its own (posts that are allowed change its data),
/// the anonymous visitor and a fresh user of each role, each with a session and a valid antiforgery token
/// taken from a page that identity sees. The applicant belongs to the demo applicant's organisation, so
/// the route samples are its own records. A post that ended the session, or sent a staff member back to
/// two-factor enrolment, retires that user: the next request gets a new user of the same role.
/// </summary>
public sealed class IdentitiesWithTokens : IDisposable
{
    public const string Anonymous = "Anonymous";

    private readonly Dictionary<string, (TestSession Session, string Token)> _signedIn = [];

    private IdentitiesWithTokens(TrustFundApp app, RouteSamples samples)
    {
        App = app;
        Samples = samples;
    }

    public TrustFundApp App { get; }

    public RouteSamples Samples { get; }

    public static async Task<IdentitiesWithTokens> StartAsync()
    {
        var app = await new TrustFundApp().StartAsync();
        return new IdentitiesWithTokens(app, await RouteSamples.CreateAsync(app));
    }

    /// <summary>The identity's session and a token valid for it.</summary>
    public async Task<(TestSession Session, string Token)> ForAsync(string identity)
    {
        if (_signedIn.TryGetValue(identity, out var known))
        {
            return known;
        }

        TestSession session;
        string tokenPage;
        if (identity == Anonymous)
        {
            session = App.NewSession();
            tokenPage = "/Account/Login";
        }
        else
        {
            var user = await TestAccounts.CreateUserAsync(App, identity);
            if (identity == Roles.Applicant)
            {
                await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.OrganisationId, Samples.OrganisationId)));
            }

            session = await App.SignInAsync(user.Email!);
            tokenPage = "/Account/ChangePassword";
        }

        var signedIn = (session, await session.AntiforgeryTokenAsync(tokenPage));
        _signedIn[identity] = signedIn;
        return signedIn;
    }

    /// <summary>After a post: keeps the identity if its session still opens an ordinary page, else retires it.</summary>
    public async Task KeepOrRetireAsync(string identity)
    {
        if (identity == Anonymous || !_signedIn.TryGetValue(identity, out var signedIn))
        {
            return;
        }

        using var probe = await signedIn.Session.GetAsync("/Account/ChangePassword");
        if (probe.StatusCode != HttpStatusCode.OK)
        {
            signedIn.Session.Dispose();
            _signedIn.Remove(identity);
        }
    }

    public void Dispose()
    {
        foreach (var (session, _) in _signedIn.Values)
        {
            session.Dispose();
        }

        App.Dispose();
    }
}
