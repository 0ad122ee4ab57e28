using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An applicant gives or changes the organisation's bank account; a change clears its verification, and
/// that of each open grant paid before the change (<see cref="Grant.NoteBankDetailsChanged"/>).
/// </summary>
public sealed record UpdateBankDetails(Guid? Version, string BankName, string? SwiftBic, string AccountNumber, string AccountHolder) : IUseCase<BankDetailsSaved>;

/// <summary>Whether the details were saved, or were the same as before (nothing saved).</summary>
public enum BankDetailsSaved
{
    Saved,
    Unchanged,
}

internal sealed class UpdateBankDetailsValidator : AbstractValidator<UpdateBankDetails>
{
    public UpdateBankDetailsValidator()
    {
        RuleFor(x => x.BankName).NotEmpty().WithMessage("Enter the bank's name.");
        RuleFor(x => x.AccountNumber).NotEmpty().WithMessage("Enter the IBAN or account number.");
        RuleFor(x => x.AccountHolder).NotEmpty().WithMessage("Enter the name the account is held in.");
    }
}

internal sealed class UpdateBankDetailsHandler : IUseCaseHandler<UpdateBankDetails, BankDetailsSaved>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public UpdateBankDetailsHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _audit = audit;
        _clock = clock;
    }

    public async Task<BankDetailsSaved> HandleAsync(UpdateBankDetails request, CancellationToken cancellationToken)
    {
        var id = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException();
        var details = new BankDetails
        {
            BankName = request.BankName.Trim(),
            SwiftBic = (request.SwiftBic ?? string.Empty).Trim().ToUpperInvariant(),
            AccountNumber = request.AccountNumber.Trim(),
            AccountHolder = request.AccountHolder.Trim(),
        };
        var old = organisation.Bank;
        if (old is not null && old.BankName == details.BankName && old.SwiftBic == details.SwiftBic
            && old.AccountNumber == details.AccountNumber && old.AccountHolder == details.AccountHolder)
        {
            return BankDetailsSaved.Unchanged;
        }

        organisation.ChangeBankDetails(details);
        _db.ExpectVersion(organisation, request.Version);
        _audit.Record(AuditActions.OrganisationBankChanged, $"Bank details of {organisation.LegalName} changed; verification cleared", nameof(Organisation), organisation.Id.ToString());
        var now = _clock.GetUtcNow().UtcDateTime;
        var grants = await _db.Grants.Where(g => g.OrganisationId == id && g.Status != GrantStatus.Closed && g.BankDetailsVerified).ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            grant.NoteBankDetailsChanged(now, verifiedSince: false);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return BankDetailsSaved.Saved;
    }
}
