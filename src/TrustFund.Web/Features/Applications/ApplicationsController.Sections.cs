using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Applications;

/// <summary>The section forms: each GET shows the saved draft, each POST saves partial data.</summary>
public sealed partial class ApplicationsController
{
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
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        return SectionView(view, read(loaded.Application), loaded, conflict: null);
    }

    /// <summary>
    /// Saves one section: shape errors and domain rules go back to the form with the input kept; a
    /// save based on an older version (a colleague saved in between) is refused with who and when.
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
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var application = loaded.Application;
        if (!application.IsEditable)
        {
            TempData["Notice"] = _text["This application has been submitted and can no longer be changed."].Value;
            return Redirect($"/Applications/{id}");
        }

        if (!ModelState.IsValid)
        {
            return SectionView(view, input, loaded, conflict: null);
        }

        if (input.Version != application.Version)
        {
            return StaleEdit(view, input, loaded);
        }

        try
        {
            application.Edit(apply(application.Content), loaded.Applicant.Name, Now);
        }
        catch (RulesViolatedException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError(fieldOf(violation.Field), _text[violation.Message]);
            }

            return SectionView(view, input, loaded, conflict: null);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, _text[ex.Message]);
            return SectionView(view, input, loaded, conflict: null);
        }

        _db.Entry(application).Property(a => a.Version).OriginalValue = input.Version;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var fresh = await LoadAsync(id, cancellationToken);
            return fresh is null ? NotFound() : StaleEdit(view, input, fresh);
        }

        TempData["Notice"] ??= _text["Your changes have been saved."].Value;
        return Redirect($"/Applications/{id}/{view}");
    }

    private ViewResult StaleEdit<TInput>(string view, TInput input, LoadedApplication current)
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

    private ViewResult SectionView<TInput>(string view, TInput input, LoadedApplication loaded, string? conflict)
        where TInput : SectionInput
    {
        ViewData["Section"] = new SectionPage(Header(loaded), loaded.Call, conflict);
        ViewData["AmountRequested"] = loaded.Application.Content.AmountRequested;
        return View(view, input);
    }
}
