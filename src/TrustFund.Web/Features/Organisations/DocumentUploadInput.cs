using System.ComponentModel.DataAnnotations;

namespace TrustFund.Web.Features.Organisations;

/// <summary>An organisation-level document to upload: the type chosen (kept when the page comes back with an error).</summary>
public sealed class DocumentUploadInput
{
    /// <summary>The name of the file field (the form is read part by part, see <see cref="Shared.UploadForm"/>).</summary>
    public const string File = "File";

    [Display(Name = "Type of document")]
    public string? DocumentType { get; set; }
}
