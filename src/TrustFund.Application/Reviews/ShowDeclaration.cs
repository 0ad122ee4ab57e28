using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The conflict-of-interest declaration of one of the reviewer's assignments. Before declaring, a
/// reviewer learns only the application's title, the organisation's name and the countries of the
/// project: nothing else of the application is read.
/// </summary>
public sealed record ShowDeclaration(Guid AssignmentId) : IUseCase<DeclarationView>;

/// <summary>What the declaration page shows, and the declaration once made.</summary>
public sealed record DeclarationView(
    Guid AssignmentId,
    Guid Version,
    AssignmentStatus Status,
    string Title,
    string OrganisationName,
    IReadOnlyList<string> Countries,
    DateOnly DueOn,
    DateTime? DeclaredAtUtc,
    ConflictType? ConflictType,
    string? ConflictNote);

internal sealed class ShowDeclarationHandler : IUseCaseHandler<ShowDeclaration, DeclarationView>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowDeclarationHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<DeclarationView> HandleAsync(ShowDeclaration request, CancellationToken cancellationToken)
    {
        var assignment = await OwnAssignments.FindAsync(_db, _actor, request.AssignmentId, readOnly: true, cancellationToken);
        var application = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == assignment.ApplicationId)
            .Select(a => new { a.Title, a.OrganisationName, a.CountryIndex })
            .SingleAsync(cancellationToken);
        return new DeclarationView(
            assignment.Id,
            assignment.Version,
            assignment.Status,
            application.Title,
            application.OrganisationName,
            CountriesOf(application.CountryIndex),
            assignment.DueOn,
            assignment.DeclaredAtUtc,
            assignment.ConflictType,
            assignment.ConflictNote);
    }

    /// <summary>The ISO 3166 codes in an application's country index ("|NGA|GHA|").</summary>
    private static string[] CountriesOf(string index) => index.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
