namespace TrustFund.Application.Files;

/// <summary>File types TrustFund accepts, recognised from their content.</summary>
public enum FileKind
{
    Pdf,
    Docx,
    Xlsx,
    Jpeg,
    Png,
}
