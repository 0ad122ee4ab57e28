using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Calls;

/// <summary>
/// The public side of calls: the open calls page and each call's page (no sign-in), and applicants'
/// clarification questions. Drafts are never shown; another organisation's question is not found.
/// </summary>
public sealed class OpenCallsController : Controller
{
    private static readonly TimeSpan RecentlyClosed = TimeSpan.FromDays(90);

    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public OpenCallsController(TrustFundDbContext db, IAuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _db = db;
        _audit = audit;
        _clock = clock;
        _text = text;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [HttpGet("calls")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = Now;
        var since = now - RecentlyClosed;
        var open = await _db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.ClosesAtUtc > now)
            .OrderBy(c => c.ClosesAtUtc)
            .ToListAsync(cancellationToken);
        var closed = await _db.Calls.AsNoTracking()
            .Where(c => (c.Status == CallStatus.Published && c.ClosesAtUtc <= now && c.ClosesAtUtc > since)
                || (c.Status == CallStatus.Closed && (c.ClosesAtUtc > since || c.ClosedAtUtc > since)))
            .OrderByDescending(c => c.ClosesAtUtc)
            .Take(50)
            .ToListAsync(cancellationToken);
        return View("~/Features/Calls/Open.cshtml", new OpenCallsModel(open, closed, now));
    }

    [HttpGet("calls/{code}")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var model = await PageModelAsync(code, new QuestionInput(), cancellationToken);
        return model is null ? NotFound() : View("~/Features/Calls/Call.cshtml", model);
    }

    [HttpPost("calls/{code}/questions")]
    [Authorize(Policy = Capabilities.ActAsApplicant)]
    public async Task<IActionResult> Ask(string code, QuestionInput input, CancellationToken cancellationToken)
    {
        var call = await FindPublicCallAsync(code, tracking: false, cancellationToken);
        var organisationId = await OrganisationIdAsync(cancellationToken);
        if (call is null || organisationId is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var name = await _db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            try
            {
                var question = ClarificationQuestion.Ask(call, organisationId.Value, userId, name, input.Question!, Now);
                _db.ClarificationQuestions.Add(question);
                _audit.Record(AuditActions.ClarificationAsked, $"Clarification question asked about call {call.Code}", nameof(ClarificationQuestion), question.Id.ToString());
                await _db.SaveChangesAsync(cancellationToken);
                TempData["Notice"] = _text["Your question was sent to the Secretariat. Answers are published on this page without your name or organisation."].Value;
                return Redirect($"/calls/{Uri.EscapeDataString(call.Code)}/questions/{question.Id}");
            }
            catch (RulesViolatedException ex)
            {
                foreach (var violation in ex.Violations)
                {
                    ModelState.AddModelError(nameof(QuestionInput.Question), _text[violation.Message]);
                }
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(nameof(QuestionInput.Question), _text[ex.Message]);
            }
        }

        var model = await PageModelAsync(code, input, cancellationToken);
        return model is null ? NotFound() : View("~/Features/Calls/Call.cshtml", model);
    }

    [HttpGet("calls/{code}/questions/{id:guid}")]
    [Authorize(Policy = Capabilities.ActAsApplicant)]
    public async Task<IActionResult> Question(string code, Guid id, CancellationToken cancellationToken)
    {
        var call = await FindPublicCallAsync(code, tracking: false, cancellationToken);
        var organisationId = await OrganisationIdAsync(cancellationToken);
        if (call is null || organisationId is null)
        {
            return NotFound();
        }

        var question = await _db.ClarificationQuestions.AsNoTracking()
            .SingleOrDefaultAsync(q => q.Id == id && q.CallId == call.Id && q.OrganisationId == organisationId, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        ViewData["Call"] = call;
        return View("~/Features/Calls/Question.cshtml", question);
    }

    private async Task<Call?> FindPublicCallAsync(string code, bool tracking, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Call.CodeMaxLength)
        {
            return null;
        }

        var normalised = code.Trim().ToUpperInvariant();
        var query = tracking ? _db.Calls : _db.Calls.AsNoTracking();
        return await query.SingleOrDefaultAsync(c => c.Code == normalised && c.Status != CallStatus.Draft, cancellationToken);
    }

    private async Task<Guid?> OrganisationIdAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true || !User.IsInRole(Roles.Applicant)
            || !Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        return await _db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<PublicCallModel?> PageModelAsync(string code, QuestionInput input, CancellationToken cancellationToken)
    {
        var call = await FindPublicCallAsync(code, tracking: false, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var published = await _db.ClarificationQuestions.AsNoTracking()
            .Where(q => q.CallId == call.Id && q.PublishedAtUtc != null)
            .OrderBy(q => q.PublishedAtUtc).ThenBy(q => q.AskedAtUtc)
            .ToListAsync(cancellationToken);
        var organisationId = await OrganisationIdAsync(cancellationToken);
        var own = organisationId is null
            ? []
            : await _db.ClarificationQuestions.AsNoTracking()
                .Where(q => q.CallId == call.Id && q.OrganisationId == organisationId)
                .OrderByDescending(q => q.AskedAtUtc)
                .ToListAsync(cancellationToken);
        return new PublicCallModel(call, published, own, organisationId is not null, Now, input);
    }
}
