using TrustFund.Application.Common;

namespace TrustFund.Application.Applications;

/// <summary>The fund managers' list of submitted applications, filtered, sorted and paged as <see cref="Query"/> says.</summary>
public sealed record ListApplications(ApplicationListQuery Query) : IUseCase<ApplicationListModel>;

internal sealed class ListApplicationsHandler : IUseCaseHandler<ListApplications, ApplicationListModel>
{
    private readonly IApplicationList _list;

    public ListApplicationsHandler(IApplicationList list)
    {
        _list = list;
    }

    // Drafts never appear: the list reads submitted applications only (a draft is the organisation's own).
    public Task<ApplicationListModel> HandleAsync(ListApplications request, CancellationToken cancellationToken) =>
        _list.ReadAsync(request.Query, cancellationToken);
}
