using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The reviewer declares a conflict of interest with an assigned application (its type and a note) and
/// steps aside; the fund managers are told (see <see cref="OnConflictDeclared"/>).
/// </summary>
public sealed record DeclareConflict(Guid AssignmentId, Guid? Version, ConflictType? Type, string? Note) : IUseCase<Declared>;

internal sealed class DeclareConflictValidator : AbstractValidator<DeclareConflict>
{
    public DeclareConflictValidator()
    {
        RuleFor(x => x.Type).NotNull().WithMessage("Choose the type of conflict.").IsInEnum().WithMessage("Choose the type of conflict.");
        RuleFor(x => x.Note).NotEmpty().WithMessage("Describe the conflict.")
            .MaximumLength(ReviewAssignment.NoteMaxLength).WithText("Describe the conflict in at most {0:N0} characters.", ReviewAssignment.NoteMaxLength);
    }
}

internal sealed class DeclareConflictHandler : IUseCaseHandler<DeclareConflict, Declared>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public DeclareConflictHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Declared> HandleAsync(DeclareConflict request, CancellationToken cancellationToken)
    {
        var assignment = await OwnAssignments.FindAsync(_db, _actor, request.AssignmentId, readOnly: false, cancellationToken);
        switch (assignment.Status)
        {
            case AssignmentStatus.Recused:
                // Sent twice: the first declaration stands, with its own type and note.
                return Declared.AlreadyRecorded;
            case AssignmentStatus.Draft or AssignmentStatus.Submitted:
                throw new RefusedException(Problem.General("You have already declared no conflict of interest for this application. If a conflict has come to light since, tell the fund manager."));
        }

        _db.ExpectVersion(assignment, request.Version);
        assignment.DeclareConflict(request.Type!.Value, request.Note, _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return Declared.Recorded;
    }
}
