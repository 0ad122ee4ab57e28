namespace TrustFund.Domain.Calls;

/// <summary>Documents a call can require with an application.</summary>
public enum DocumentType
{
    RegistrationCertificate,
    AuditedFinancialStatements,

    /// <summary>Two letters are required when a call asks for references.</summary>
    ReferenceLetter,
    PartnerDeclaration,
    PseaPolicy,
    Translation,
    Other,
}
