using TrustFund.Application.Common;

namespace TrustFund.Application.Applications;

/// <summary>One submitted application as a fund manager sees it (an earlier submitted version's content when <see cref="VersionNumber"/> is given).</summary>
public sealed record ShowApplicationDetails(Guid ApplicationId, int? VersionNumber = null) : IUseCase<ApplicationDetailsModel>;

internal sealed class ShowApplicationDetailsHandler : IUseCaseHandler<ShowApplicationDetails, ApplicationDetailsModel>
{
    private readonly IApplicationDetails _details;
    private readonly RecordAccess _access;

    public ShowApplicationDetailsHandler(IApplicationDetails details, RecordAccess access)
    {
        _details = details;
        _access = access;
    }

    public async Task<ApplicationDetailsModel> HandleAsync(ShowApplicationDetails request, CancellationToken cancellationToken)
    {
        // The reader finds submitted applications only; a draft answers as not found.
        var model = await _details.ReadAsync(request.ApplicationId, request.VersionNumber, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(new ApplicationAccess(model.Organisation.Id, Submitted: true), ApplicationOperations.Read);
        return model;
    }
}
