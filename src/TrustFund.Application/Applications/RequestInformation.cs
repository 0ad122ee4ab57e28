using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>
/// A fund manager asks the organisation for more information on a submitted application that is not
/// yet screened. The organisation may respond (edit and resubmit) until <see cref="ResponseTime"/>
/// from now; the request is audited and emailed (<see cref="OnInformationRequestSent"/>).
/// </summary>
public sealed record RequestInformation(Guid ApplicationId, Guid? Version, string? Message) : IUseCase<InformationRequestResult>
{
    /// <summary>How long the organisation has to respond.</summary>
    public static readonly TimeSpan ResponseTime = TimeSpan.FromDays(14);
}

/// <summary>Whether the request went out now, or the same request had already been sent (a repeated click).</summary>
public enum InformationRequestResult
{
    Sent,
    AlreadySent,
}

internal sealed class RequestInformationValidator : AbstractValidator<RequestInformation>
{
    public RequestInformationValidator()
    {
        RuleFor(x => x.Message).NotEmpty().WithMessage("Write what information you need.")
            .MaximumLength(GrantApplication.ReasonMaxLength).WithText("Write at most {0} characters.", GrantApplication.ReasonMaxLength);
    }
}

internal sealed class RequestInformationHandler : IUseCaseHandler<RequestInformation, InformationRequestResult>
{
    /// <summary>The refusal when the application is no longer waiting for screening: 0 its status.</summary>
    public const string NotWhileStatus = "More information can only be requested while the application is submitted and not yet screened. It is now {0}.";

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public RequestInformationHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<InformationRequestResult> HandleAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Assess);
        var message = request.Message!.Trim();
        if (application.Status == ApplicationStatus.InformationRequested && application.InformationRequest == message)
        {
            return InformationRequestResult.AlreadySent;
        }

        if (application.Status != ApplicationStatus.Submitted)
        {
            throw new RefusedException(Problem.General(NotWhileStatus, StatusWords.Of(application.Status)));
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        application.RequestInformation(message, now.Add(RequestInformation.ResponseTime), now);
        _db.ExpectVersion(application, request.Version);
        await _db.SaveChangesAsync(cancellationToken);
        return InformationRequestResult.Sent;
    }
}
