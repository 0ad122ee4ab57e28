using TrustFund.Application.Reviews;

namespace TrustFund.Web.Features.Reviews;

/// <summary>The declaration page: what the reviewer may know before declaring, and the form.</summary>
public sealed record DeclarationPage(DeclarationView View, DeclarationInput Input);

/// <summary>The review page: the application, the rubric and the form (or the submitted review, read-only).</summary>
public sealed record ReviewPage(ReviewView View, ReviewInput Input);

/// <summary>The reviewer profile page.</summary>
public sealed record ProfilePage(ReviewerProfileView View, ProfileInput Input);
