using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TrustFund.Web.Features.Errors;

/// <summary>Friendly pages for errors and status codes; never a stack trace outside Development.</summary>
[AllowAnonymous]
[Route("Error")]
public sealed class ErrorsController : Controller
{
    [Route("")]
    [IgnoreAntiforgeryToken]
    public IActionResult ServerError()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", Activity.Current?.Id ?? HttpContext.TraceIdentifier);
    }

    [Route("{code:int:range(400,599)}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", Response.Headers.RetryAfter.ToString()),
            _ => View("StatusCode", code),
        };
    }
}
