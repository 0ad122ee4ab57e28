using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Audit;

/// <summary>What the audit log's filter lists offer: the actions recorded so far, their families (<c>call.*</c>) and the record types.</summary>
public sealed record ListAuditFilterChoices : IUseCase<AuditFilterChoices>;

public sealed record AuditFilterChoices(IReadOnlyList<string> Actions, IReadOnlyList<string> ActionFamilies, IReadOnlyList<string> EntityTypes);

internal sealed class ListAuditFilterChoicesHandler : IUseCaseHandler<ListAuditFilterChoices, AuditFilterChoices>
{
    private readonly ITrustFundDb _db;

    public ListAuditFilterChoicesHandler(ITrustFundDb db) => _db = db;

    public async Task<AuditFilterChoices> HandleAsync(ListAuditFilterChoices request, CancellationToken cancellationToken)
    {
        var actions = await _db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        var entityTypes = await _db.AuditEntries.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().ToListAsync(cancellationToken);
        actions.Sort(StringComparer.Ordinal);
        entityTypes.Sort(StringComparer.Ordinal);
        var families = actions
            .Select(a => a.IndexOf('.', StringComparison.Ordinal))
            .Zip(actions, (dot, a) => dot > 0 ? a[..(dot + 1)] + ListAuditLog.PrefixWildcard : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AuditFilterChoices(actions, families, entityTypes);
    }
}
