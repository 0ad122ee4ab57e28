using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Grants;

/// <summary>
/// A grant's amendments: their history for everyone who may read the grant; no-cost extensions and
/// budget revisions asked for by the grantee's members or fund managers; approved or refused by a
/// fund manager.
/// </summary>
[Route("Grants/{id:guid}/Amendments")]
[Authorize(Roles = GrantReaders.Roles)]
public sealed class GrantAmendmentsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<GrantAmendmentsController> _text;

    public GrantAmendmentsController(IUseCases useCases, IStringLocalizer<GrantAmendmentsController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) => PageAsync(id, "Amendments", null, cancellationToken);

    [HttpGet("Extension")]
    [Authorize(Roles = GrantReaders.Amenders)]
    public Task<IActionResult> Extension(Guid id, CancellationToken cancellationToken) => PageAsync(id, "Extension", null, cancellationToken);

    [HttpPost("Extension")]
    [Authorize(Roles = GrantReaders.Amenders)]
    public async Task<IActionResult> Extension(Guid id, ExtensionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, "Extension", input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new RequestExtension(id, input.Version, input.NewEndDateValue, input.Reason), cancellationToken);
        return await AfterAsync(id, "Extension", input, outcome, _text["The extension is asked for. A fund manager will decide on it."].Value, field => field == "EndDate" ? nameof(ExtensionInput.NewEndDate) : field, cancellationToken);
    }

    [HttpGet("BudgetRevision")]
    [Authorize(Roles = GrantReaders.Amenders)]
    public Task<IActionResult> BudgetRevision(Guid id, CancellationToken cancellationToken) => PageAsync(id, "BudgetRevision", null, cancellationToken);

    [HttpPost("BudgetRevision")]
    [Authorize(Roles = GrantReaders.Amenders)]
    public async Task<IActionResult> BudgetRevision(Guid id, BudgetRevisionInput input, CancellationToken cancellationToken)
    {
        if (input.ApplyCommand() || !ModelState.IsValid)
        {
            return await PageAsync(id, "BudgetRevision", input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new RequestBudgetRevision(id, input.Version, [.. input.Budget.Select(l => l.ToLine())], input.Reason), cancellationToken);
        return await AfterAsync(id, "BudgetRevision", input, outcome, _text["The budget revision is asked for. A fund manager will decide on it."].Value, field => field is "Budget" or "Amount" ? string.Empty : field, cancellationToken);
    }

    [HttpPost("{amendmentId:guid}/Approve")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public Task<IActionResult> Approve(Guid id, Guid amendmentId, AmendmentDecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, amendmentId, input, approve: true, cancellationToken);

    [HttpPost("{amendmentId:guid}/Refuse")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public Task<IActionResult> Refuse(Guid id, Guid amendmentId, AmendmentDecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, amendmentId, input, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, Guid amendmentId, AmendmentDecisionInput input, bool approve, CancellationToken cancellationToken)
    {
        input.AmendmentId = amendmentId;
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, "Amendments", input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new DecideAmendment(id, amendmentId, input.Version, approve, input.Note), cancellationToken);
        var notice = approve
            ? _text["The amendment is approved. The organisation has been told by email."].Value
            : _text["The amendment is refused. The organisation has been told by email."].Value;
        return await AfterAsync(id, "Amendments", input, outcome, notice, field => field is nameof(DecideAmendment.Note) or "DecisionNote" ? nameof(AmendmentDecisionInput.Note) : string.Empty, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, string view, object input, Outcome<T> outcome, string notice, Func<string, string> fieldOf, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, fieldOf);
            return await PageAsync(id, view, input, cancellationToken);
        }

        TempData["Notice"] = notice;
        return Redirect($"/Grants/{id}/Amendments");
    }

    private async Task<IActionResult> PageAsync(Guid id, string view, object? input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAmendments(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var page = outcome.Value;
        if (view != "Amendments" && !page.CanRequest)
        {
            return NotFound();
        }

        return View($"~/Features/Grants/{view}.cshtml", new AmendmentsPageModel(
            page,
            input as ExtensionInput ?? new ExtensionInput { Version = page.Grant.Version },
            input as BudgetRevisionInput ?? BudgetRevisionInput.From(page.Grant),
            input as AmendmentDecisionInput));
    }
}

/// <summary>The amendments pages of a grant and their forms as last typed.</summary>
public sealed record AmendmentsPageModel(GrantAmendmentsPage Page, ExtensionInput Extension, BudgetRevisionInput Revision, AmendmentDecisionInput? Decision);
