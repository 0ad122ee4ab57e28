using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>A fund manager resumes a suspended grant, with a reason; the organisation is told by email. Resuming an active grant changes nothing (a form sent twice).</summary>
public sealed record ResumeGrant(Guid GrantId, Guid? Version, string? Reason) : IUseCase<Done>;

internal sealed class ResumeGrantValidator : AbstractValidator<ResumeGrant>
{
    public ResumeGrantValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for resuming the grant.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class ResumeGrantHandler : IUseCaseHandler<ResumeGrant, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;

    public ResumeGrantHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor)
    {
        _db = db;
        _access = access;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(ResumeGrant request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        if (grant.Status == GrantStatus.Active)
        {
            return Done.Value;
        }

        _db.ExpectVersion(grant, request.Version);
        grant.Resume(request.Reason!, _actor.Name ?? "unknown");
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
