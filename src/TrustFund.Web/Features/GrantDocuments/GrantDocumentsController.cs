using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Documents;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.GrantDocuments;

/// <summary>
/// A grant's award letter and payment statement, on screen and as PDF, for its organisation's members,
/// fund managers and finance officers; another organisation's grant answers 404. Each PDF is audited
/// as an export and counted against the documents rate limit.
/// </summary>
public sealed class GrantDocumentsController : Controller
{
    /// <summary>Who may read a grant's documents (each grant is checked again: an organisation reads only its own).</summary>
    private const string GrantReaders = $"{Roles.Applicant},{Roles.FundManager},{Roles.FinanceOfficer}";

    private readonly IUseCases _useCases;
    private readonly PdfResponses _pdf;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public GrantDocumentsController(IUseCases useCases, PdfResponses pdf, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _pdf = pdf;
        _clock = clock;
        _text = text;
    }

    [HttpGet("grants/{id:guid}/award-letter")]
    [Authorize(Roles = GrantReaders)]
    public async Task<IActionResult> AwardLetter(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAwardLetter(id), cancellationToken);
        return outcome.Succeeded ? View("AwardLetter", outcome.Value) : NotFound();
    }

    [HttpGet("grants/{id:guid}/award-letter.pdf")]
    [Authorize(Roles = GrantReaders)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> AwardLetterPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAwardLetter(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var letter = outcome.Value;
        return await _pdf.PdfAsync(
            this,
            "AwardLetter",
            letter,
            new PdfDocumentRequest(string.Empty, _text["Award letter"], letter.Number, _clock.GetUtcNow()),
            $"award-letter-{PdfResponses.FileNamePart(letter.Number)}.pdf",
            new RecordDocumentExport("Award letter", nameof(Grant), letter.GrantId, letter.Number),
            $"/grants/{id}/award-letter",
            cancellationToken);
    }

    [HttpGet("grants/{id:guid}/statement")]
    [Authorize(Roles = GrantReaders)]
    public async Task<IActionResult> Statement(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowPaymentStatement(id), cancellationToken);
        return outcome.Succeeded ? View("Statement", outcome.Value) : NotFound();
    }

    [HttpGet("grants/{id:guid}/statement.pdf")]
    [Authorize(Roles = GrantReaders)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> StatementPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowPaymentStatement(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var statement = outcome.Value;
        return await _pdf.PdfAsync(
            this,
            "Statement",
            statement,
            new PdfDocumentRequest(string.Empty, _text["Payment statement"], statement.Number, _clock.GetUtcNow()),
            $"statement-{PdfResponses.FileNamePart(statement.Number)}.pdf",
            new RecordDocumentExport(statement.StaffView ? "Payment statement" : "Payment statement (grantee's version)", nameof(Grant), statement.GrantId, statement.Number),
            $"/grants/{id}/statement",
            cancellationToken);
    }
}
