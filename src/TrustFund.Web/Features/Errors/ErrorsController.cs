using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Web.Features.TwoFactor;

namespace TrustFund.Web.Features.Errors;

/// <summary>Friendly pages for errors and status codes; never a stack trace outside Development.</summary>
[AllowAnonymous]
[AllowWithoutTwoFactor]
[Route("Error")]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    /// <summary>The reference a page asks people to quote: the request's trace id, also in every log line of the request.</summary>
    private string Reference => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    [Route("")]
    [IgnoreAntiforgeryToken]
    public IActionResult ServerError()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", Reference);
    }

    [Route("{code:int:range(400,599)}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // Read from the route only, without model binding: the failed request's form or query
        // (which may be what failed to parse) is still there when this page is re-executed.
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : StatusCodes.Status400BadRequest;
        Response.StatusCode = code;
        var reference = Reference;
        ViewData["Reference"] = reference;
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? Request.Path.Value;
        logger.Log(code >= 500 ? LogLevel.Warning : LogLevel.Information, "Status {StatusCode} shown for {Path}; reference {Reference}.", code, path, reference);
        return code switch
        {
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", Response.Headers.RetryAfter.ToString()),
            _ => View("StatusCode", code),
        };
    }
}
