namespace TrustFund.Domain.GranteeReports;

/// <summary>Kinds of personal data the screening of narrative text looks for.</summary>
public enum PersonalDataKind
{
    EmailAddress,
    PhoneNumber,
    DocumentNumber,
    NameLabel,
}
