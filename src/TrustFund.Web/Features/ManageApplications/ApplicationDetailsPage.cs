using TrustFund.Application.Applications;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>The application detail page: what the manager sees and the request-for-information form.</summary>
public sealed record ApplicationDetailsPage(ApplicationDetailsModel Details, RequestInformationInput RequestInformation);
