namespace TrustFund.Application.Common;

/// <summary>Who is acting in the current request, as far as audit and authorization need to know.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string? Name { get; }

    string? IpAddress { get; }
}
