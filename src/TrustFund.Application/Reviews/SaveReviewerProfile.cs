using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Saves a reviewer's profile (the signed-in reviewer's own when <see cref="ReviewerId"/> is null; a fund
/// manager may name any reviewer). Regions are UN M49 codes of regions, sub-regions or countries.
/// <see cref="Version"/> is the profile's version the form showed (null before its first save).
/// </summary>
public sealed record SaveReviewerProfile(
    Guid? ReviewerId,
    Guid? Version,
    IReadOnlyList<ProposalLanguage> Languages,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ExploitationForm> Forms,
    int MaximumLoad) : IUseCase<Done>;

internal sealed class SaveReviewerProfileValidator : AbstractValidator<SaveReviewerProfile>
{
    public SaveReviewerProfileValidator()
    {
        RuleFor(x => x.Languages).NotEmpty().WithMessage("Choose at least one language the reviewer reads.");
        RuleForEach(x => x.Languages).IsInEnum().WithMessage("That is not a language the fund knows.");
        RuleForEach(x => x.Forms).IsInEnum().WithMessage("That is not a form of exploitation the fund knows.");
        RuleFor(x => x.Regions).Must(list => list.All(code => UnM49.ByCode(code) is not null))
            .WithMessage("Choose regions and countries from the list.");
        RuleFor(x => x.MaximumLoad).InclusiveBetween(1, ReviewerProfile.MaximumLoadLimit)
            .WithText("The maximum load must be a whole number from 1 to {0}.", ReviewerProfile.MaximumLoadLimit);
    }
}

internal sealed class SaveReviewerProfileHandler : IUseCaseHandler<SaveReviewerProfile, Done>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public SaveReviewerProfileHandler(ITrustFundDb db, ICurrentActor actor, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(SaveReviewerProfile request, CancellationToken cancellationToken)
    {
        var (id, name) = await ReviewerProfiles.ReviewerAsync(_db, _actor, request.ReviewerId, cancellationToken);
        var who = _actor.Name ?? "unknown";
        var now = _clock.GetUtcNow().UtcDateTime;
        var profile = await _db.ReviewerProfiles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null)
        {
            if (request.Version is not null)
            {
                throw new StaleEditException(nameof(ReviewerProfile), id);
            }

            profile = ReviewerProfile.For(id, request.Languages, request.Regions, request.Forms, request.MaximumLoad, who, now);
            _db.ReviewerProfiles.Add(profile);
        }
        else
        {
            // Null when the form was shown before the first save: someone saved the profile meanwhile.
            _db.ExpectVersion(profile, request.Version);
            profile.Change(request.Languages, request.Regions, request.Forms, request.MaximumLoad, who, now);
        }

        _audit.Record(
            AuditActions.ReviewerProfileChanged,
            string.Create(CultureInfo.InvariantCulture, $"Reviewer profile of {name}: reads {string.Join(", ", profile.Languages)}; regions {(profile.Regions.Count == 0 ? "none" : string.Join(", ", profile.Regions))}; forms {(profile.Forms.Count == 0 ? "none" : string.Join(", ", profile.Forms))}; at most {profile.MaximumLoad} reviews at once"),
            nameof(ReviewerProfile),
            id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
