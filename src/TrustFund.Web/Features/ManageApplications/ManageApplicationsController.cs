using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>The fund managers' view of applications across calls: list, detail, documents, requests for information.</summary>
[Route("Manage/Applications")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ManageApplicationsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ManageApplicationsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ApplicationListQuery query, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in ApplicationListFilters.Read(query))
        {
            ModelState.AddModelError(field, _text[message]);
        }

        return View((await _useCases.RunAsync(new ListApplications(query), cancellationToken)).Value);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, int? version, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowApplicationDetails(id, version), cancellationToken);
        return outcome.Succeeded ? View("Details", Page(outcome.Value, null)) : NotFound();
    }

    [HttpGet("{id:guid}/Attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DownloadApplicationDocument(id, attachmentId), cancellationToken);
        return outcome.Succeeded
            ? File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName)
            : NotFound();
    }

    [HttpPost("{id:guid}/RequestInformation")]
    public async Task<IActionResult> RequestInformation(Guid id, RequestInformationInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new RequestInformation(id, input.Version, input.Message), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == InformationRequestResult.AlreadySent
                    ? _text["This request has already been sent."].Value
                    : _text["Your request has been sent to the organisation by email."].Value;
                return Redirect($"/Manage/Applications/{id}");
            case OutcomeKind.Stale:
                ModelState.AddModelError(string.Empty, outcome.Stale is { ChangedBy: { } who, ChangedAtUtc: { } when }
                    ? _text["{0} changed this application at {1} UTC, after you opened this page. Check it again; your message is kept below.", who, when.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture)]
                    : _text["Someone else changed this application after you opened this page. Check it again; your message is kept below."]);
                var fresh = await _useCases.RunAsync(new ShowApplicationDetails(id), cancellationToken);
                if (!fresh.Succeeded)
                {
                    return NotFound();
                }

                ModelState.Remove(nameof(RequestInformationInput.Version));
                input.Version = fresh.Value.Application.Version;
                return View("Details", Page(fresh.Value, input));
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return await RedisplayAsync(id, input, cancellationToken);
            default:
                return NotFound();
        }
    }

    private static ApplicationDetailsPage Page(ApplicationDetailsModel details, RequestInformationInput? input) =>
        new(details, input ?? new RequestInformationInput { Version = details.Application.Version });

    private async Task<IActionResult> RedisplayAsync(Guid id, RequestInformationInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowApplicationDetails(id), cancellationToken);
        return outcome.Succeeded ? View("Details", Page(outcome.Value, input)) : NotFound();
    }
}
