using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Documents;

/// <summary>
/// A grant's award letter: the grant number, the parties, the amount in figures and in words, the
/// project dates, the instalment schedule with each instalment's release conditions, and the
/// conditions the Board attached to its approval. Readable by whoever may read the grant (its
/// organisation's members, fund managers, finance officers); anyone else finds nothing.
/// </summary>
public sealed record ShowAwardLetter(Guid GrantId) : IUseCase<AwardLetter>;

/// <summary>What the award letter prints.</summary>
/// <param name="BoardConditions">The conditions the Board attached to the approval, if any.</param>
public sealed record AwardLetter(
    Guid GrantId,
    string Number,
    GrantStatus Status,
    GrantParties Parties,
    Money Amount,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<AwardInstalment> Instalments,
    string? BoardConditions,
    DateOnly? FundSignedOn,
    DateOnly? OrganisationSignedOn,
    DateOnly AwardedOn);

/// <summary>One instalment of the schedule as the letter states it.</summary>
public sealed record AwardInstalment(int Number, decimal Percentage, Money Amount, DateOnly PlannedOn, IReadOnlyList<ReleaseCondition> Conditions);

internal sealed class ShowAwardLetterHandler : IUseCaseHandler<ShowAwardLetter, AwardLetter>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowAwardLetterHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<AwardLetter> HandleAsync(ShowAwardLetter request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.ReadableAsync(_db, _access, request.GrantId, cancellationToken);
        var parties = await GrantReading.PartiesAsync(_db, grant, cancellationToken);
        var conditions = await GrantReading.BoardConditionsAsync(_db, grant, cancellationToken);
        return new AwardLetter(
            grant.Id,
            grant.Number,
            grant.Status,
            parties,
            grant.Amount,
            grant.StartDate,
            grant.EndDate,
            [.. grant.Instalments.Select(i => new AwardInstalment(i.Number, i.Percentage, i.Amount, i.PlannedOn, i.Conditions))],
            string.IsNullOrWhiteSpace(conditions) ? null : conditions,
            grant.FundSignedOn,
            grant.OrganisationSignedOn,
            DateOnly.FromDateTime(grant.CreatedAtUtc));
    }
}
