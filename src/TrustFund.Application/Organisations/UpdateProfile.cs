using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An applicant saves their organisation's profile, legal name and country of registration. A verified
/// organisation that changes either goes back to verification (<see cref="OnOrganisationSentBackForVerification"/>).
/// </summary>
public sealed record UpdateProfile(Guid? Version, string LegalName, string CountryOfRegistration, OrganisationProfile Profile) : IUseCase<Done>;

internal sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    public UpdateProfileValidator()
    {
        RuleFor(x => x.LegalName).NotEmpty().WithMessage("Enter the organisation's legal name.");
        RuleFor(x => x.CountryOfRegistration).NotEmpty().WithMessage("Choose the country of registration.");
    }
}

internal sealed class UpdateProfileHandler : IUseCaseHandler<UpdateProfile, Done>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public UpdateProfileHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(UpdateProfile request, CancellationToken cancellationToken)
    {
        var id = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException();
        organisation.UpdateProfile(request.LegalName, request.CountryOfRegistration, request.Profile, _clock.GetUtcNow().UtcDateTime);
        _db.ExpectVersion(organisation, request.Version);
        _audit.Record(AuditActions.OrganisationProfileUpdated, $"Profile of {organisation.LegalName} updated", nameof(Organisation), organisation.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
