using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace TrustFund.Benchmarks.Baselines;

/// <summary>
/// Baselines the benchmark program compares pages with, modelled on the TechEmpower JSON and
/// Fortunes tests. Exists only where <see cref="BenchmarkBaselines"/> is loaded.
/// </summary>
[AllowAnonymous]
[Route("bench")]
public sealed class BenchmarkController(FortunesDbContext db) : Controller
{
    [HttpGet("json")]
    public IActionResult Json() => Json(new { message = "Hello, World!" });

    [HttpGet("fortunes")]
    public async Task<IActionResult> Fortunes(CancellationToken cancellationToken)
    {
        var rows = await db.Fortunes.AsNoTracking().ToListAsync(cancellationToken);
        rows.Add(new Fortune(0, Baselines.Fortunes.AddedAtRequestTime));
        rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View("/Fortunes.cshtml", rows);
    }
}
