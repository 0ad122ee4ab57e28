using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Sessions;

/// <summary>
/// The signed-in user's own active sessions (device, address, when signed in and last seen), and
/// ending any one of them or all the others. A session of another account is not found (404).
/// </summary>
[Route("Account/Sessions")]
public sealed class SessionsController : Controller
{
    private readonly SignInSessions _sessions;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly IAuditTrail _audit;
    private readonly TrustFundDbContext _db;
    private readonly IStringLocalizer<SessionsController> _text;

    public SessionsController(
        SignInSessions sessions,
        SignInManager<TrustFundUser> signIn,
        IAuditTrail audit,
        TrustFundDbContext db,
        IStringLocalizer<SessionsController> text)
    {
        _sessions = sessions;
        _signIn = signIn;
        _audit = audit;
        _db = db;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        UserId() is { } userId
            ? View(await _sessions.ActiveAsync(userId, cancellationToken))
            : Challenge();

    [HttpPost("{id:guid}/End")]
    public async Task<IActionResult> End(Guid id, CancellationToken cancellationToken)
    {
        if (UserId() is not { } userId)
        {
            return Challenge();
        }

        var session = (await _sessions.ActiveAsync(userId, cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (session is null)
        {
            return NotFound();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (!await _sessions.EndAsync(userId, id, cancellationToken))
        {
            return NotFound();
        }

        _audit.Record(AuditActions.SessionEnded, $"{User.Identity!.Name} ended {(session.IsCurrent ? "this" : "another")} session of theirs: {Describe(session)}", "User", userId.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (session.IsCurrent)
        {
            await _signIn.SignOutAsync();
            TempData["Notice"] = _text["You have signed out."].Value;
            return Redirect("/Account/Login");
        }

        TempData["Notice"] = _text["The session has ended: that device is signed out."].Value;
        return Redirect("/Account/Sessions");
    }

    [HttpPost("EndOthers")]
    public async Task<IActionResult> EndOthers(CancellationToken cancellationToken)
    {
        if (UserId() is not { } userId)
        {
            return Challenge();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await _sessions.EndOthersAsync(userId, cancellationToken);
        _audit.Record(AuditActions.OtherSessionsEnded, $"{User.Identity!.Name} ended their other sessions ({ended})", "User", userId.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["Your other sessions have ended. Only this one is still signed in."].Value;
        return Redirect("/Account/Sessions");
    }

    private static string Describe(SignInSessionSummary session) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} from {1}, signed in {2:yyyy-MM-dd HH:mm} UTC",
            session.Device.Length > 0 ? session.Device : "unknown device",
            session.ClientAddress ?? "unknown address",
            session.SignedInAtUtc);

    private Guid? UserId() =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
