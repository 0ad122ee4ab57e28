using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Calls;

/// <summary>Fund managers create, edit, publish, close and delete calls, and answer clarification questions.</summary>
[Route("Manage/Calls")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed partial class CallsController : Controller
{
    private const int PageSize = 25;

    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public CallsController(TrustFundDbContext db, IAuditTrail audit, IEmailOutbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _db = db;
        _audit = audit;
        _outbox = outbox;
        _clock = clock;
        _text = text;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int page = 1, CancellationToken cancellationToken = default)
    {
        CallStatus? filter = Enum.TryParse<CallStatus>(status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        page = Math.Clamp(page, 1, 100_000);
        var counts = await _db.Calls.GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = _db.Calls.AsNoTracking();
        if (filter is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var calls = await query.OrderByDescending(c => c.OpensAtUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var ids = calls.Take(PageSize).Select(c => c.Id).ToList();
        var applications = await _db.Applications.Where(a => ids.Contains(a.CallId))
            .GroupBy(a => new { a.CallId, IsDraft = a.Status == ApplicationStatus.Draft })
            .Select(g => new { g.Key.CallId, g.Key.IsDraft, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = calls.Take(PageSize).Select(c => new CallRow(
            c.Id, c.Code, c.Title, c.Status, c.OpensAtUtc, c.ClosesAtUtc, c.Terms.TimeZoneId,
            applications.Where(a => a.CallId == c.Id && a.IsDraft).Sum(a => a.Count),
            applications.Where(a => a.CallId == c.Id && !a.IsDraft).Sum(a => a.Count))).ToList();
        return View(new CallListModel(rows, counts, filter, page, calls.Count > PageSize));
    }

    [HttpGet("New")]
    public IActionResult New() => Form(CallInput.Defaults(), null);

    [HttpPost("New")]
    public async Task<IActionResult> New(CallInput input, CancellationToken cancellationToken)
    {
        if (ChangeRubricRows(input) || !ModelState.IsValid)
        {
            return Form(input, null);
        }

        var terms = ReadTerms(input);
        if (terms is null)
        {
            return Form(input, null);
        }

        if (await CodeTakenAsync(terms.Code, null, cancellationToken))
        {
            return Form(input, null);
        }

        Call call;
        try
        {
            call = Call.Draft(terms, Now);
        }
        catch (RulesViolatedException ex)
        {
            AddViolations(ex);
            return Form(input, null);
        }

        _db.Calls.Add(call);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two identical posts (a double-click) or two managers choosing one code: the unique index decides.
            _db.ChangeTracker.Clear();
            if (await CodeTakenAsync(terms.Code, null, cancellationToken))
            {
                return Form(input, null);
            }

            throw;
        }

        TempData["Notice"] = _text["The call {0} was saved as a draft. Applicants cannot see it until you publish it.", call.Code].Value;
        return Redirect($"/Manage/Calls/{call.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailsModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }

    [HttpGet("{id:guid}/Edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (call.Status is not (CallStatus.Draft or CallStatus.Published))
        {
            TempData["Notice"] = _text["Only a draft or published call can be changed."].Value;
            return Redirect($"/Manage/Calls/{id}");
        }

        return Form(CallInput.From(call.Terms, call.Version), call);
    }

    [HttpPost("{id:guid}/Edit")]
    public async Task<IActionResult> Edit(Guid id, CallInput input, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (ChangeRubricRows(input) || !ModelState.IsValid)
        {
            return Form(input, call);
        }

        if (input.Version != call.Version)
        {
            return await StaleFormAsync(input, call, cancellationToken);
        }

        var terms = ReadTerms(input);
        if (terms is null || await CodeTakenAsync(terms.Code, id, cancellationToken))
        {
            return Form(input, call);
        }

        var previousClosing = call.ClosesAtUtc;
        bool deadlineMoved;
        try
        {
            deadlineMoved = call.Amend(terms);
        }
        catch (RulesViolatedException ex)
        {
            AddViolations(ex);
            return Form(input, call);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, _text[ex.Message]);
            return Form(input, call);
        }

        if (deadlineMoved)
        {
            await RecordDeadlineChangeAsync(call, previousClosing, cancellationToken);
        }

        _db.Entry(call).Property(c => c.Version).OriginalValue = input.Version.Value;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await _db.Entry(call).ReloadAsync(cancellationToken);
            return await StaleFormAsync(input, call, cancellationToken);
        }

        TempData["Notice"] = deadlineMoved
            ? _text["The call was saved. Organisations with a draft application were told about the new closing date."].Value
            : _text["The call was saved."].Value;
        return Redirect($"/Manage/Calls/{id}");
    }

    [HttpPost("{id:guid}/Publish")]
    public Task<IActionResult> Publish(Guid id, Guid? version, CancellationToken cancellationToken) =>
        MoveAsync(id, version, call =>
        {
            call.Publish(Now);
            _audit.Record(AuditActions.CallPublished, $"Call {call.Code} published", nameof(Call), call.Id.ToString());
            return _text["The call {0} is published: applicants can see it on the open calls page.", call.Code];
        }, cancellationToken);

    [HttpPost("{id:guid}/Close")]
    public Task<IActionResult> Close(Guid id, Guid? version, CancellationToken cancellationToken) =>
        MoveAsync(id, version, call =>
        {
            call.Close(Now);
            _audit.Record(AuditActions.CallClosed, $"Call {call.Code} closed", nameof(Call), call.Id.ToString());
            return _text["The call {0} is closed: no more applications can be submitted.", call.Code];
        }, cancellationToken);

    [HttpPost("{id:guid}/Delete")]
    public async Task<IActionResult> Delete(Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var applications = await _db.Applications.CountAsync(a => a.CallId == id, cancellationToken);
        if (applications > 0)
        {
            return await RefuseOnDetailsAsync(id, HasApplicationsMessage(applications), cancellationToken);
        }

        if (version != call.Version)
        {
            return await RefuseOnDetailsAsync(id, await StaleMessageAsync(nameof(Call), id, cancellationToken), cancellationToken);
        }

        _db.Calls.Remove(call);
        _audit.Record(AuditActions.CallDeleted, $"Call {call.Code} ({call.Title}) deleted", nameof(Call), call.Id.ToString());
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An application was started between the check and the delete: the foreign key refused it.
            _db.ChangeTracker.Clear();
            var count = await _db.Applications.CountAsync(a => a.CallId == id, cancellationToken);
            return await RefuseOnDetailsAsync(id, count > 0 ? HasApplicationsMessage(count) : await StaleMessageAsync(nameof(Call), id, cancellationToken), cancellationToken);
        }

        TempData["Notice"] = _text["The call {0} was deleted.", call.Code].Value;
        return Redirect("/Manage/Calls");
    }

    [HttpPost("{id:guid}/Questions/{questionId:guid}")]
    public async Task<IActionResult> Answer(Guid id, Guid questionId, AnswerInput input, CancellationToken cancellationToken)
    {
        var question = await _db.ClarificationQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.CallId == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        var field = AnswerField(questionId);
        if (!ModelState.IsValid)
        {
            return await RefuseAnswerAsync(id, questionId, input, ModelState[nameof(AnswerInput.Answer)]?.Errors.Select(e => e.ErrorMessage).ToList() ?? [], cancellationToken);
        }

        if (input.Version != question.Version)
        {
            return await RefuseAnswerAsync(id, questionId, input, [await StaleMessageAsync(nameof(ClarificationQuestion), questionId, cancellationToken)], cancellationToken);
        }

        try
        {
            question.AnswerWith(input.Answer!, User.Identity?.Name ?? string.Empty, Now);
            _audit.Record(AuditActions.ClarificationAnswered, "Clarification question answered", nameof(ClarificationQuestion), question.Id.ToString());
            if (input.Publish && !question.IsPublished)
            {
                question.Publish(Now);
                _audit.Record(AuditActions.ClarificationPublished, "Clarification answer published", nameof(ClarificationQuestion), question.Id.ToString());
            }
        }
        catch (DomainException ex)
        {
            return await RefuseAnswerAsync(id, questionId, input, [_text[ex.Message]], cancellationToken);
        }

        _db.Entry(question).Property(q => q.Version).OriginalValue = input.Version.Value;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return await RefuseAnswerAsync(id, questionId, input, [await StaleMessageAsync(nameof(ClarificationQuestion), questionId, cancellationToken)], cancellationToken);
        }

        TempData["Notice"] = question.IsPublished
            ? _text["The answer is published on the call's page."].Value
            : _text["The answer was saved. It is not public until you publish it."].Value;
        return Redirect($"/Manage/Calls/{id}#{field}");
    }

    /// <summary>Id of the answer field of one question on the details page.</summary>
    public static string AnswerField(Guid questionId) => $"Answer-{questionId:N}";

    [GeneratedRegex("^remove-criterion-(\\d+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RemoveCriterionCommand();

    private static string FieldFor(string domainField) => domainField switch
    {
        nameof(CallTerms.OpensAtUtc) => nameof(CallInput.OpensAt),
        nameof(CallTerms.ClosesAtUtc) => nameof(CallInput.ClosesAt),
        nameof(CallTerms.ClarificationDeadlineUtc) => nameof(CallInput.ClarificationDeadline),
        nameof(CallTerms.Rubric) => nameof(CallInput.Criteria),
        _ => domainField,
    };

    private static List<RubricCriterion> ReadRubric(List<CriterionInput> rows)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rubric = new List<RubricCriterion>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i].Key?.Trim();
            if (string.IsNullOrEmpty(key) || used.Contains(key))
            {
                var n = i + 1;
                do
                {
                    key = string.Create(CultureInfo.InvariantCulture, $"criterion-{n++}");
                }
                while (used.Contains(key) || rows.Any(r => r.Key == key));
            }

            used.Add(key);
            rubric.Add(new RubricCriterion(key, rows[i].Name!.Trim(), int.Parse(rows[i].Weight!, CultureInfo.InvariantCulture)));
        }

        return rubric;
    }

    private static List<TEnum> ReadEnums<TEnum>(IEnumerable<string> values)
        where TEnum : struct, Enum =>
        values.Select(Enum.Parse<TEnum>).Distinct().ToList();

    private ViewResult Form(CallInput input, Call? call)
    {
        ViewData["Call"] = call;
        ViewData["FormAction"] = call is null ? "/Manage/Calls/New" : $"/Manage/Calls/{call.Id}/Edit";
        return View("Form", input);
    }

    /// <summary>Adds or removes a rubric row (the form's buttons work without JavaScript) and says whether it did.</summary>
    private bool ChangeRubricRows(CallInput input)
    {
        if (input.Command == "add-criterion")
        {
            if (input.Criteria.Count < CallInput.MaximumCriteria)
            {
                input.Criteria.Add(new CriterionInput());
            }

            ModelState.Clear();
            return true;
        }

        if (input.Command is not null && RemoveCriterionCommand().Match(input.Command) is { Success: true } match)
        {
            if (int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < input.Criteria.Count && input.Criteria.Count > 1)
            {
                input.Criteria.RemoveAt(index);
            }

            ModelState.Clear();
            return true;
        }

        return false;
    }

    /// <summary>Turns the (shape-valid) form into terms; adds an error for any time that does not exist in the chosen zone.</summary>
    private CallTerms? ReadTerms(CallInput input)
    {
        var zone = CallTimes.FindZone(input.TimeZoneId)!;

        DateTime? Instant(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text) || !CallTimes.TryReadLocal(text, out var local))
            {
                return null;
            }

            if (CallTimes.TryToUtc(local, zone, out var utc))
            {
                return utc;
            }

            ModelState.AddModelError(field, _text["{0} does not exist in {1}: the clocks go forward at that time. Choose another time.", local.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture), zone.Id]);
            return null;
        }

        static decimal Amount(string? text)
        {
            UsdAmounts.TryRead(text, out var amount);
            return amount;
        }

        static DateOnly? Date(string? text) => CallTimes.TryReadDate(text, out var date) ? date : null;

        var opens = Instant(input.OpensAt, nameof(CallInput.OpensAt));
        var closes = Instant(input.ClosesAt, nameof(CallInput.ClosesAt));
        var clarification = Instant(input.ClarificationDeadline, nameof(CallInput.ClarificationDeadline));
        CallInput.TryReadTranches(input.TrancheTemplate, out var tranches);
        if (!ModelState.IsValid || opens is null || closes is null)
        {
            return null;
        }

        return new CallTerms
        {
            Code = input.Code!.Trim(),
            Title = input.Title!.Trim(),
            WindowType = Enum.Parse<WindowType>(input.WindowType!),
            Description = input.Description?.Trim() ?? string.Empty,
            OpensAtUtc = opens.Value,
            ClosesAtUtc = closes.Value,
            TimeZoneId = zone.Id,
            ClarificationDeadlineUtc = clarification,
            AnswersPublishedOn = Date(input.AnswersPublishedOn),
            MinimumAmount = Amount(input.MinimumAmount),
            MaximumAmount = Amount(input.MaximumAmount),
            MaximumDurationMonths = int.Parse(input.MaximumDurationMonths!.Trim(), CultureInfo.InvariantCulture),
            Envelope = Amount(input.Envelope),
            EligibleAreas = input.EligibleAreas.Distinct(StringComparer.Ordinal).ToList(),
            PriorityForms = ReadEnums<ExploitationForm>(input.PriorityForms),
            AllowedAssistance = ReadEnums<AssistanceType>(input.AllowedAssistance),
            RegistrationCutoff = Date(input.RegistrationCutoff),
            MinimumYearsOfExperience = int.Parse(input.MinimumYearsOfExperience!.Trim(), CultureInfo.InvariantCulture),
            AcceptedLanguages = ReadEnums<ProposalLanguage>(input.AcceptedLanguages),
            RequiredDocuments = ReadEnums<DocumentType>(input.RequiredDocuments),
            ReviewersPerApplication = int.Parse(input.ReviewersPerApplication!.Trim(), CultureInfo.InvariantCulture),
            TrancheTemplate = tranches,
            Rubric = ReadRubric(input.Criteria),
            AllowsSeveralApplicationsPerOrganisation = input.AllowsSeveralApplicationsPerOrganisation,
        };
    }

    private async Task<bool> CodeTakenAsync(string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var taken = await _db.Calls.AnyAsync(c => c.Code == normalised && c.Id != exceptId, cancellationToken);
        if (taken)
        {
            ModelState.AddModelError(nameof(CallInput.Code), _text["Another call already uses the code {0}. Choose a different code.", normalised]);
        }

        return taken;
    }

    private void AddViolations(RulesViolatedException ex)
    {
        foreach (var violation in ex.Violations)
        {
            ModelState.AddModelError(FieldFor(violation.Field), _text[violation.Message]);
        }
    }

    private async Task<ViewResult> StaleFormAsync(CallInput input, Call current, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, await StaleMessageAsync(nameof(Call), current.Id, cancellationToken));
        ModelState.Remove(nameof(CallInput.Version));
        input.Version = current.Version;
        return Form(input, current);
    }

    private async Task<string> StaleMessageAsync(string entityType, Guid id, CancellationToken cancellationToken)
    {
        var entityId = id.ToString();
        var last = await _db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null
            ? _text["Someone else changed this while you were working on it. Your changes were not saved; they are shown below. Check them and save again."]
            : _text["{0} changed this at {1} while you were working on it. Your changes were not saved; they are shown below. Check them and save again.", last.ActorName ?? "someone", CallTimes.InUtc(last.OccurredAtUtc)];
    }

    private string HasApplicationsMessage(int count) =>
        _text["This call cannot be deleted: it has {0} application(s). Close it instead.", count];

    private async Task<IActionResult> MoveAsync(Guid id, Guid? version, Func<Call, string> move, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        string notice;
        try
        {
            notice = move(call);
        }
        catch (DomainException ex)
        {
            _db.ChangeTracker.Clear();
            return await RefuseOnDetailsAsync(id, _text[ex.Message], cancellationToken);
        }

        if (version != call.Version)
        {
            _db.ChangeTracker.Clear();
            return await RefuseOnDetailsAsync(id, await StaleMessageAsync(nameof(Call), id, cancellationToken), cancellationToken);
        }

        _db.Entry(call).Property(c => c.Version).OriginalValue = version.Value;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return await RefuseOnDetailsAsync(id, await StaleMessageAsync(nameof(Call), id, cancellationToken), cancellationToken);
        }

        TempData["Notice"] = notice;
        return Redirect($"/Manage/Calls/{id}");
    }

    private async Task<IActionResult> RefuseOnDetailsAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, message);
        var model = await DetailsModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }

    private async Task<IActionResult> RefuseAnswerAsync(Guid id, Guid questionId, AnswerInput input, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError(AnswerField(questionId), error);
        }

        ViewData["AnswerFor"] = questionId;
        ViewData["AnswerText"] = input.Answer;
        var model = await DetailsModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }

    private async Task<CallDetailsModel?> DetailsModelAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var counts = await _db.Applications.Where(a => a.CallId == id)
            .GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var questions = await (
                from q in _db.ClarificationQuestions.AsNoTracking()
                join o in _db.Organisations on q.OrganisationId equals o.Id
                where q.CallId == id
                orderby q.AskedAtUtc
                select new { Question = q, o.LegalName })
            .ToListAsync(cancellationToken);
        return new CallDetailsModel(
            call,
            counts.ToDictionary(c => c.Key.ToString(), c => c.Count),
            questions.Select(q => new QuestionRow(q.Question, q.LegalName)).ToList(),
            Now);
    }

    private async Task RecordDeadlineChangeAsync(Call call, DateTime previousClosingUtc, CancellationToken cancellationToken)
    {
        var zone = call.Terms.TimeZoneId;
        var before = CallTimes.InCallZone(previousClosingUtc, zone);
        var after = CallTimes.InCallZone(call.ClosesAtUtc, zone);
        _audit.Record(
            AuditActions.CallDeadlineChanged,
            string.Create(CultureInfo.InvariantCulture, $"Closing of call {call.Code} moved from {CallTimes.Iso(previousClosingUtc)} to {CallTimes.Iso(call.ClosesAtUtc)} ({zone})"),
            nameof(Call),
            call.Id.ToString());

        var callId = call.Id;
        var recipients = await _db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                && _db.Applications.Any(a => a.CallId == callId && a.Status == ApplicationStatus.Draft && a.OrganisationId == u.OrganisationId))
            .Select(u => new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var subject = _text["New closing date for the call {0}", call.Title].Value;
        foreach (var recipient in recipients)
        {
            var body = _text[
                "Dear {0},\n\nThe closing date of the call \"{1}\" ({2}) has changed.\n\nBefore: {3}\nNow: {4}\n\nYour organisation has a draft application on this call. Submit it before the new closing date.\n\nUN Voluntary Trust Fund for Victims of Trafficking in Persons",
                recipient.DisplayName, call.Title, call.Code, before, after].Value;
            _outbox.Enqueue(new EmailMessage(recipient.Email!, subject, body));
        }
    }
}
