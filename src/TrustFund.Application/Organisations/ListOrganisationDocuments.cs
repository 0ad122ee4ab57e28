using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Organisations;

/// <summary>The signed-in applicant's organisation documents (those not removed), offered to every application.</summary>
public sealed record ListOrganisationDocuments : IUseCase<IReadOnlyList<Attachment>>;

internal sealed class ListOrganisationDocumentsHandler : IUseCaseHandler<ListOrganisationDocuments, IReadOnlyList<Attachment>>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;

    public ListOrganisationDocumentsHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access)
    {
        _db = db;
        _actor = actor;
        _access = access;
    }

    public async Task<IReadOnlyList<Attachment>> HandleAsync(ListOrganisationDocuments request, CancellationToken cancellationToken)
    {
        var id = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        return await OrganisationDocuments.ListAsync(_db, id, cancellationToken);
    }
}
