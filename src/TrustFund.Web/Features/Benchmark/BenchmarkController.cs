using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Infrastructure.Benchmarks;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Benchmark;

/// <summary>
/// Baselines the benchmark program compares pages with, modelled on the TechEmpower JSON and
/// Fortunes tests. Registered only in benchmark mode (see <see cref="BenchmarkMode"/>).
/// </summary>
[AllowAnonymous]
[Route("bench")]
public sealed class BenchmarkController(TrustFundDbContext db) : Controller
{
    [HttpGet("json")]
    public IActionResult Json() => Json(new { message = "Hello, World!" });

    [HttpGet("fortunes")]
    public async Task<IActionResult> Fortunes(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Fortune>().AsNoTracking().ToListAsync(cancellationToken);
        rows.Add(new Fortune(0, Infrastructure.Benchmarks.Fortunes.AddedAtRequestTime));
        rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View(rows);
    }
}
