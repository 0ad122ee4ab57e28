using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A call's ranking as fund managers see it, one page at a time, optionally only the applications
/// working in a region (an M49 area code) or offering a type of assistance. Filtered lines keep their
/// rank and cumulative amount in the whole ranking, so the envelope line stays where it is.
/// </summary>
public sealed record ShowRanking(Guid CallId, string? Region = null, AssistanceType? Assistance = null, int Page = 1) : IUseCase<RankingPage>
{
    public const int PageSize = 100;
}

/// <summary>One page of a call's ranking.</summary>
/// <param name="Matching">How many lines the filters leave.</param>
/// <param name="Page">The page shown (1-based, within the pages there are).</param>
public sealed record RankingPage(CallRanking Ranking, IReadOnlyList<RankedApplication> Lines, int Matching, int Page, int Pages, string? Region, AssistanceType? Assistance);

internal sealed class ShowRankingHandler : IUseCaseHandler<ShowRanking, RankingPage>
{
    private readonly IRankings _rankings;

    public ShowRankingHandler(IRankings rankings)
    {
        _rankings = rankings;
    }

    public async Task<RankingPage> HandleAsync(ShowRanking request, CancellationToken cancellationToken)
    {
        var ranking = await _rankings.ReadAsync(request.CallId, cancellationToken) ?? throw new NotFoundException();
        var region = UnM49.ByCode(request.Region) is { Type: not PlaceType.Country } area ? area.Code : null;
        IEnumerable<RankedApplication> lines = ranking.Lines;
        if (region is not null)
        {
            lines = lines.Where(l => l.Countries.Any(c => UnM49.IsWithin(c, region)));
        }

        if (request.Assistance is { } assistance)
        {
            lines = lines.Where(l => l.Assistance.Contains(assistance));
        }

        var matching = lines as IReadOnlyList<RankedApplication> ?? [.. lines];
        var pages = Math.Max(1, (matching.Count + ShowRanking.PageSize - 1) / ShowRanking.PageSize);
        var page = Math.Clamp(request.Page, 1, pages);
        return new RankingPage(
            ranking,
            [.. matching.Skip((page - 1) * ShowRanking.PageSize).Take(ShowRanking.PageSize)],
            matching.Count,
            page,
            pages,
            region,
            request.Assistance);
    }
}
