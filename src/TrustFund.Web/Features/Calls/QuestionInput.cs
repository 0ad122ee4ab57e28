using System.ComponentModel.DataAnnotations;

namespace TrustFund.Web.Features.Calls;

/// <summary>An applicant's clarification question about a call (its rules are the question's own).</summary>
public sealed class QuestionInput
{
    [Display(Name = "Your question")]
    public string? Question { get; set; }
}
