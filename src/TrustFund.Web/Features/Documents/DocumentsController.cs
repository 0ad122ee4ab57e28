using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Documents;

/// <summary>
/// Documents at stable addresses, on screen and as PDF: an application's dossier (its organisation and
/// the Secretariat, each their own version) and a call's board pack (the Secretariat). Records the reader
/// may not see answer 404; each PDF is audited as an export and counted against the documents rate limit.
/// When no PDF can be printed the answer is a page saying why (503), never an error.
/// </summary>
public sealed class DocumentsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly PdfResponses _pdf;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public DocumentsController(IUseCases useCases, PdfResponses pdf, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _pdf = pdf;
        _clock = clock;
        _text = text;
    }

    [HttpGet("applications/{id:guid}/dossier")]
    [Authorize(Roles = $"{Roles.Applicant},{Roles.FundManager}")]
    public async Task<IActionResult> Dossier(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowDossier(id), cancellationToken);
        return outcome.Succeeded ? View("Dossier", outcome.Value) : NotFound();
    }

    [HttpGet("applications/{id:guid}/dossier.pdf")]
    [Authorize(Roles = $"{Roles.Applicant},{Roles.FundManager}")]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> DossierPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowDossier(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var dossier = outcome.Value;
        return await _pdf.PdfAsync(
            this,
            "Dossier",
            dossier,
            new PdfDocumentRequest(string.Empty, _text["Application dossier"], dossier.Reference, _clock.GetUtcNow()),
            $"dossier-{PdfResponses.FileNamePart(dossier.Reference ?? dossier.ApplicationId.ToString("N"))}.pdf",
            new RecordDocumentExport(dossier.ForSecretariat ? "Application dossier" : "Application dossier (applicant's version)", nameof(GrantApplication), dossier.ApplicationId, dossier.Label),
            $"/applications/{id}/dossier",
            cancellationToken);
    }

    [HttpGet("calls/{id:guid}/board-pack")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> BoardPack(Guid id, bool anonymise = false, CancellationToken cancellationToken = default)
    {
        var outcome = await _useCases.RunAsync(new ShowBoardPack(id, anonymise), cancellationToken);
        return outcome.Succeeded ? View("BoardPack", outcome.Value) : NotFound();
    }

    [HttpGet("calls/{id:guid}/board-pack.pdf")]
    [Authorize(Policy = Capabilities.ManageFund)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> BoardPackPdf(Guid id, bool anonymise = false, CancellationToken cancellationToken = default)
    {
        var outcome = await _useCases.RunAsync(new ShowBoardPack(id, anonymise), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var pack = outcome.Value;
        return await _pdf.PdfAsync(
            this,
            "BoardPack",
            pack,
            new PdfDocumentRequest(string.Empty, _text["Board pack"], pack.Call.Code, _clock.GetUtcNow(), Landscape: true),
            $"board-pack-{PdfResponses.FileNamePart(pack.Call.Code)}{(anonymise ? "-anonymised" : string.Empty)}.pdf",
            new RecordDocumentExport(anonymise ? "Board pack (reviewers anonymised)" : "Board pack", "Call", pack.Call.Id, pack.Call.Code),
            $"/calls/{id}/board-pack{(anonymise ? "?anonymise=true" : string.Empty)}",
            cancellationToken);
    }
}
