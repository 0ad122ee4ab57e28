using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The signed-in applicant's bank account page.</summary>
public sealed record ShowBankDetails : IUseCase<BankDetailsPage>;

/// <summary>
/// The organisation and its bank details; <see cref="Unreadable"/> when the stored details cannot be
/// decrypted (the page says so and asks for them again).
/// </summary>
public sealed record BankDetailsPage(Organisation Organisation, BankDetails? Bank, bool Unreadable);

internal sealed class ShowBankDetailsHandler : IUseCaseHandler<ShowBankDetails, BankDetailsPage>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly ILogger<ShowBankDetailsHandler> _logger;

    public ShowBankDetailsHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, ILogger<ShowBankDetailsHandler> logger)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _logger = logger;
    }

    public async Task<BankDetailsPage> HandleAsync(ShowBankDetails request, CancellationToken cancellationToken)
    {
        var id = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException();
        if (organisation.BankDetailsUnreadable)
        {
            _logger.LogError("The bank details of organisation {OrganisationId} cannot be read; its member was asked to enter them again.", organisation.Id);
        }

        return new BankDetailsPage(organisation, organisation.Bank, organisation.BankDetailsUnreadable);
    }
}
