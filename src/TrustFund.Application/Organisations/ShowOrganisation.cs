using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An organisation as the Secretariat verifies it: profile, bank account, documents and members. Its
/// bank account number is shown to Secretariat staff only, so each view is audited (without the number).
/// </summary>
public sealed record ShowOrganisation(Guid OrganisationId) : IUseCase<OrganisationDetails>;

/// <summary>The verification page of one organisation; <see cref="BankUnreadable"/> when its stored bank details cannot be decrypted.</summary>
public sealed record OrganisationDetails(Organisation Organisation, IReadOnlyList<Attachment> Documents, IReadOnlyList<MemberRow> Members, bool BankUnreadable);

internal sealed class ShowOrganisationHandler : IUseCaseHandler<ShowOrganisation, OrganisationDetails>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly IAuditTrail _audit;
    private readonly ILogger<ShowOrganisationHandler> _logger;

    public ShowOrganisationHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, IAuditTrail audit, ILogger<ShowOrganisationHandler> logger)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _audit = audit;
        _logger = logger;
    }

    public async Task<OrganisationDetails> HandleAsync(ShowOrganisation request, CancellationToken cancellationToken)
    {
        await _access.EnsureAsync(new OrganisationAccess(request.OrganisationId), OrganisationOperations.Verify);
        var organisation = await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken) ?? throw new NotFoundException();
        if (organisation.Bank is not null)
        {
            await _audit.RecordNowAsync(AuditActions.OrganisationBankDetailsViewed, $"{_actor.Name} viewed the bank details of {organisation.LegalName}", nameof(Organisation), organisation.Id.ToString(), cancellationToken);
        }
        else if (organisation.BankDetailsUnreadable)
        {
            _logger.LogError("The bank details of organisation {OrganisationId} cannot be read; the Secretariat was shown that they must be entered again.", organisation.Id);
        }

        return new OrganisationDetails(
            organisation,
            await OrganisationDocuments.ListAsync(_db, organisation.Id, cancellationToken),
            await ListMembersHandler.MembersOfAsync(_db, organisation.Id, cancellationToken),
            organisation.BankDetailsUnreadable);
    }
}
