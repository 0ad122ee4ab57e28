using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>The section forms of a draft: each GET shows the saved draft, each POST saves partial data (<see cref="SaveApplicationSection"/>).</summary>
[Route("Applications")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class ApplicationSectionsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ApplicationSectionsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("{id:guid}/Project")]
    public Task<IActionResult> Project(Guid id, CancellationToken cancellationToken) =>
        ShowSectionAsync(id, "Project", ProjectInput.From, cancellationToken);

    [HttpPost("{id:guid}/Project")]
    public Task<IActionResult> Project(Guid id, ProjectInput input, CancellationToken cancellationToken) =>
        SaveSectionAsync(id, "Project", input, input.ApplyTo, field => field, cancellationToken);

    [HttpGet("{id:guid}/Beneficiaries")]
    public Task<IActionResult> Beneficiaries(Guid id, CancellationToken cancellationToken) =>
        ShowSectionAsync(id, "Beneficiaries", BeneficiariesInput.From, cancellationToken);

    [HttpPost("{id:guid}/Beneficiaries")]
    public Task<IActionResult> Beneficiaries(Guid id, BeneficiariesInput input, CancellationToken cancellationToken) =>
        SaveSectionAsync(id, "Beneficiaries", input, input.ApplyTo, field => field, cancellationToken);

    [HttpGet("{id:guid}/Assistance")]
    public Task<IActionResult> Assistance(Guid id, CancellationToken cancellationToken) =>
        ShowSectionAsync(id, "Assistance", AssistanceInput.From, cancellationToken);

    [HttpPost("{id:guid}/Assistance")]
    public Task<IActionResult> Assistance(Guid id, AssistanceInput input, CancellationToken cancellationToken) =>
        SaveSectionAsync(id, "Assistance", input, input.ApplyTo, field => field == nameof(ProposalContent.Assistance) ? nameof(AssistanceInput.Selected) : field, cancellationToken);

    [HttpGet("{id:guid}/Budget")]
    public Task<IActionResult> Budget(Guid id, CancellationToken cancellationToken) =>
        ShowSectionAsync(id, "Budget", BudgetInput.From, cancellationToken);

    [HttpPost("{id:guid}/Budget")]
    public async Task<IActionResult> Budget(Guid id, BudgetInput input, [FromServices] IValidator<BudgetInput> validator, CancellationToken cancellationToken)
    {
        var command = input.ApplyCommand();
        if (command is not null)
        {
            // Rows moved: the posted values and errors no longer line up with their indices.
            var version = input.Version;
            ModelState.Clear();
            foreach (var error in (await validator.ValidateAsync(input, cancellationToken)).Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            input.Version = version;
            TempData["Notice"] = command == BudgetInput.AddCommand
                ? _text["A budget line has been added."].Value
                : _text["The budget line has been removed."].Value;
        }

        return await SaveSectionAsync(id, "Budget", input, input.ApplyTo, field => field.StartsWith("Budget[", StringComparison.Ordinal) && !field.Contains('.', StringComparison.Ordinal) ? field + ".Description" : field, cancellationToken);
    }

    [HttpGet("{id:guid}/Declarations")]
    public Task<IActionResult> Declarations(Guid id, CancellationToken cancellationToken) =>
        ShowSectionAsync(id, "Declarations", DeclarationsInput.From, cancellationToken);

    [HttpPost("{id:guid}/Declarations")]
    public Task<IActionResult> Declarations(Guid id, DeclarationsInput input, CancellationToken cancellationToken) =>
        SaveSectionAsync(id, "Declarations", input, input.ApplyTo, field => field, cancellationToken);

    private async Task<IActionResult> ShowSectionAsync<TInput>(Guid id, string view, Func<GrantApplication, TInput> read, CancellationToken cancellationToken)
        where TInput : SectionInput
    {
        var outcome = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
        return outcome.Succeeded ? SectionView(view, read(outcome.Value.Application), outcome.Value, conflict: null) : NotFound();
    }

    /// <summary>
    /// Saves one section: shape errors and the application's rules go back to the form with the input
    /// kept; a save based on an older version (a colleague saved in between) is refused with who and when.
    /// </summary>
    private async Task<IActionResult> SaveSectionAsync<TInput>(
        Guid id,
        string view,
        TInput input,
        Func<ProposalContent, ProposalContent> apply,
        Func<string, string> fieldOf,
        CancellationToken cancellationToken)
        where TInput : SectionInput
    {
        if (!ModelState.IsValid)
        {
            var shown = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
            return !shown.Succeeded ? NotFound()
                : !shown.Value.Application.IsEditable ? NotEditable(id)
                : SectionView(view, input, shown.Value, conflict: null);
        }

        var outcome = await _useCases.RunAsync(new SaveApplicationSection(id, input.Version, apply), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            if (!outcome.Value.Saved)
            {
                return NotEditable(id);
            }

            TempData["Notice"] ??= _text["Your changes have been saved."].Value;
            return Redirect($"/Applications/{id}/{view}");
        }

        var current = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Stale)
        {
            return StaleEdit(view, input, current.Value);
        }

        ModelState.AddProblems(outcome.Problems, _text, fieldOf);
        return SectionView(view, input, current.Value, conflict: null);
    }

    private RedirectResult NotEditable(Guid id)
    {
        TempData["Notice"] = _text["This application has been submitted and can no longer be changed."].Value;
        return Redirect($"/Applications/{id}");
    }

    private ViewResult StaleEdit<TInput>(string view, TInput input, ApplicationDetails current)
        where TInput : SectionInput
    {
        var message = _text[
            "{0} changed this application on {1}, after you opened this page. Your changes have not been saved: they are shown below. Check the application, then save again to keep your changes.",
            current.Application.LastEditedBy,
            Labels.Utc(current.Application.LastEditedAtUtc)].Value;

        // Saving again is a deliberate choice made after seeing the warning.
        ModelState.Remove(nameof(SectionInput.Version));
        input.Version = current.Application.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return SectionView(view, input, current, message);
    }

    private ViewResult SectionView<TInput>(string view, TInput input, ApplicationDetails details, string? conflict)
        where TInput : SectionInput
    {
        ViewData["Section"] = new SectionPage(ApplicationPages.Header(details), details.Call, conflict);
        ViewData["AmountRequested"] = details.Application.Content.AmountRequested;
        return View(ApplicationPages.View(view), input);
    }
}
