using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// Downloads of an application's documents (and its organisation's documents): for the applying
/// organisation's own users, and for fund managers what a submitted version relied on; anyone else gets 404 (<see cref="DownloadOwnApplicationDocument"/>).
/// Always an attachment, never rendered by the browser.
/// </summary>
[Route("Applications")]
[Authorize]
public sealed class ApplicationDocumentsController : Controller
{
    private readonly IUseCases _useCases;

    public ApplicationDocumentsController(IUseCases useCases) => _useCases = useCases;

    [HttpGet("{id:guid}/Documents/{attachmentId:guid}")]
    public async Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DownloadOwnApplicationDocument(id, attachmentId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName);
    }
}
