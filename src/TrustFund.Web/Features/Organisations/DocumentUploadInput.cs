using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Organisations;

/// <summary>An organisation-level document to upload.</summary>
public sealed class DocumentUploadInput
{
    [Display(Name = "Type of document")]
    public string? DocumentType { get; set; }

    [Display(Name = "File")]
    public IFormFile? File { get; set; }

    public sealed class Validator : AbstractValidator<DocumentUploadInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.DocumentType).Must(t => Enum.TryParse<DocumentType>(t, out var v) && Enum.IsDefined(v))
                .WithMessage(_ => text["Choose the type of document."]);
            RuleFor(x => x.File).NotNull().WithMessage(_ => text["Choose a file to upload."]);
        }
    }
}
