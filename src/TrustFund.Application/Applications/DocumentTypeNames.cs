using TrustFund.Domain.Calls;

namespace TrustFund.Application.Applications;

/// <summary>The English name of each document type: the label pages show (the localization key) and the audit entries' wording.</summary>
public static class DocumentTypeNames
{
    public static string Of(DocumentType type) => type switch
    {
        DocumentType.RegistrationCertificate => "Registration certificate",
        DocumentType.AuditedFinancialStatements => "Audited financial statements",
        DocumentType.ReferenceLetter => "Reference letters",
        DocumentType.PartnerDeclaration => "Partner declaration",
        DocumentType.PseaPolicy => "Policy on protection from sexual exploitation and abuse (PSEA)",
        DocumentType.Translation => "Translation",
        DocumentType.Other => "Other supporting document",
        _ => type.ToString(),
    };
}
