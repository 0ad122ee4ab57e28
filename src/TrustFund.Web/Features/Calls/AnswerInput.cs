using System.ComponentModel.DataAnnotations;

namespace TrustFund.Web.Features.Calls;

/// <summary>The Secretariat's answer to a clarification question (its rules are the question's own).</summary>
public sealed class AnswerInput
{
    [Display(Name = "Answer")]
    public string? Answer { get; set; }

    /// <summary>True when the "Save and publish" button was pressed.</summary>
    public bool Publish { get; set; }

    public Guid? Version { get; set; }
}
