using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds an organisation in any status by taking it through the legal moves that reach it.</summary>
public sealed class OrganisationBuilder
{
    public static readonly DateTime RegisteredAt = new(2026, 1, 12, 8, 30, 0, DateTimeKind.Utc);

    private string _legalName = "Safe Harbour Foundation for Survivors";
    private string _country = "NGA";
    private OrganisationStatus _status = OrganisationStatus.PendingVerification;

    public static OrganisationBuilder AnOrganisation() => new();

    public OrganisationBuilder Named(string legalName)
    {
        _legalName = legalName;
        return this;
    }

    public OrganisationBuilder RegisteredIn(string country)
    {
        _country = country;
        return this;
    }

    public OrganisationBuilder In(OrganisationStatus status)
    {
        _status = status;
        return this;
    }

    public Organisation Build()
    {
        var organisation = Organisation.Register(_legalName, _country, RegisteredAt);
        var at = RegisteredAt;
        switch (_status)
        {
            case OrganisationStatus.PendingVerification:
                break;
            case OrganisationStatus.Verified:
                organisation.Verify(at = at.AddDays(1));
                break;
            case OrganisationStatus.Rejected:
                organisation.Reject("The registration certificate has expired.", at.AddDays(1));
                break;
            case OrganisationStatus.Suspended:
                organisation.Verify(at = at.AddDays(1));
                organisation.Suspend("Financial report overdue by six months.", at.AddDays(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(_status), _status, "No way to build this status.");
        }

        return organisation;
    }
}
