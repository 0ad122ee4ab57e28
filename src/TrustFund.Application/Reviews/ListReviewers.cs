using TrustFund.Application.Common;

namespace TrustFund.Application.Reviews;

/// <summary>The fund managers' list of active reviewers: name, email, languages, regions, forms, maximum and current open load.</summary>
public sealed record ListReviewers : IUseCase<IReadOnlyList<PoolReviewer>>;

internal sealed class ListReviewersHandler : IUseCaseHandler<ListReviewers, IReadOnlyList<PoolReviewer>>
{
    private readonly ITrustFundDb _db;

    public ListReviewersHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<IReadOnlyList<PoolReviewer>> HandleAsync(ListReviewers request, CancellationToken cancellationToken) =>
        await ReviewerPool.ActiveAsync(_db, cancellationToken);
}
