using TrustFund.Application.Common;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>
/// Two submitted versions of an application side by side. Without numbers, the latest is compared with
/// the one before it (the first with itself when there is only one). A version number the application
/// does not have is not found; so is another organisation's application.
/// </summary>
public sealed record CompareVersions(Guid ApplicationId, int? From = null, int? To = null) : IUseCase<VersionComparison>;

/// <summary>The application with its call (for the page's header) and the versions compared, none when nothing has been submitted yet.</summary>
public sealed record VersionComparison(ApplicationDetails Details, ComparedVersions? Versions);

/// <summary>The numbers compared (<paramref name="From"/> on the left), every submitted version's number (oldest first) and the two contents.</summary>
public sealed record ComparedVersions(int From, int To, IReadOnlyList<int> Numbers, ProposalContent FromContent, ProposalContent ToContent);

internal sealed class CompareVersionsHandler : IUseCaseHandler<CompareVersions, VersionComparison>
{
    private readonly IUseCaseHandler<ShowApplication, ApplicationDetails> _show;

    public CompareVersionsHandler(IUseCaseHandler<ShowApplication, ApplicationDetails> show)
    {
        _show = show;
    }

    public async Task<VersionComparison> HandleAsync(CompareVersions request, CancellationToken cancellationToken)
    {
        var details = await _show.HandleAsync(new ShowApplication(request.ApplicationId, WithVersions: true), cancellationToken);
        var versions = details.Versions;
        if (versions.Count == 0)
        {
            return new VersionComparison(details, null);
        }

        var right = request.To ?? versions[^1].Number;
        var left = request.From ?? Math.Max(1, right - 1);
        var from = versions.FirstOrDefault(v => v.Number == left) ?? throw new NotFoundException();
        var to = versions.FirstOrDefault(v => v.Number == right) ?? throw new NotFoundException();
        return new VersionComparison(details, new ComparedVersions(left, right, [.. versions.Select(v => v.Number)], from.Content, to.Content));
    }
}
