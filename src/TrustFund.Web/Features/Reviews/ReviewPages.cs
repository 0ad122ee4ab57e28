using TrustFund.Application.Reviews;

namespace TrustFund.Web.Features.Reviews;

/// <summary>The declaration page: what the reviewer may know before declaring, and the form.</summary>
public sealed record DeclarationPage(DeclarationView View, DeclarationInput Input);

/// <summary>The review page: the application, the rubric and the form (or the submitted review, read-only).</summary>
public sealed record ReviewPage(ReviewView View, ReviewInput Input);

/// <summary>
/// The reviewer profile page: the reviewer's own (<see cref="Own"/>) at /Reviews/Profile, or a reviewer's
/// as a fund manager edits it at /Manage/Reviewers/{id}/Profile.
/// </summary>
public sealed record ProfilePage(ReviewerProfileView View, ProfileInput Input, bool Own = true)
{
    public string Action => Own ? "/Reviews/Profile" : $"/Manage/Reviewers/{View.ReviewerId:D}/Profile";

    public string BackHref => Own ? "/" : $"/Manage/Reviewers/{View.ReviewerId:D}";

    /// <summary>The form for a profile as saved (the defaults before its first save).</summary>
    public static ProfileInput InputOf(ReviewerProfileView view) => new()
    {
        Version = view.Version,
        Languages = [.. view.Languages.Select(l => l.ToString())],
        Regions = [.. view.Regions],
        Forms = [.. view.Forms.Select(f => f.ToString())],
        MaximumLoad = view.MaximumLoad.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
