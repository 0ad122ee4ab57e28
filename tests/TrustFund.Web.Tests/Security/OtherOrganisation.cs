namespace TrustFund.Web.Tests.Security;

/// <summary>Ids of records belonging to an organisation the signed-in applicant is not a member of.</summary>
public sealed record OtherOrganisation(Guid OrganisationId, Guid CallId, Guid ApplicationId, Guid ApplicationDocumentId, Guid OrganisationDocumentId, Guid QuestionId, Guid MemberId, Guid GrantId);
