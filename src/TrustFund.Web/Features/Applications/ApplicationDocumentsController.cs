using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TrustFund.Application.Accounts;
using TrustFund.Application.Files;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// Downloads of an application's documents (and its organisation's documents): for the applying
/// organisation's own users and for fund managers; anyone else gets 404. Always an attachment,
/// never rendered by the browser.
/// </summary>
[Route("Applications")]
[Authorize]
public sealed class ApplicationDocumentsController : Controller
{
    private readonly TrustFundDbContext _db;
    private readonly IFileStore _files;
    private readonly IAuthorizationService _authorization;

    public ApplicationDocumentsController(TrustFundDbContext db, IFileStore files, IAuthorizationService authorization)
    {
        _db = db;
        _files = files;
        _authorization = authorization;
    }

    [HttpGet("{id:guid}/Documents/{attachmentId:guid}")]
    public async Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.Id, a.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null || !await MaySeeAsync(application.OrganisationId, cancellationToken))
        {
            return NotFound();
        }

        var attachment = await _db.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(
                a => a.Id == attachmentId && a.OrganisationId == application.OrganisationId && (a.ApplicationId == id || a.ApplicationId == null),
                cancellationToken);
        var content = attachment is null ? null : await _files.ReadAsync(attachment.StoredFileKey, cancellationToken);
        if (attachment is null || content is null)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(content, attachment.ContentType, attachment.FileName);
    }

    private async Task<bool> MaySeeAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if ((await _authorization.AuthorizeAsync(User, Capabilities.ManageFund)).Succeeded)
        {
            return true;
        }

        if (!(await _authorization.AuthorizeAsync(User, Capabilities.ActAsApplicant)).Succeeded
            || !Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        return await _db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId == organisationId, cancellationToken);
    }
}
