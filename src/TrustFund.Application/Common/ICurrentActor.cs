using System.Security.Claims;

namespace TrustFund.Application.Common;

/// <summary>Who is acting in the current request, as far as audit and authorization need to know.</summary>
public interface ICurrentActor
{
    /// <summary>The signed-in user's claims (an empty principal when nobody is signed in).</summary>
    ClaimsPrincipal User { get; }

    Guid? UserId { get; }

    /// <summary>The user name (the email address) of the signed-in user.</summary>
    string? Name { get; }

    /// <summary>The organisation an applicant acts for; null for Secretariat staff and visitors.</summary>
    Guid? OrganisationId { get; }

    string? IpAddress { get; }
}
