using System.ComponentModel.DataAnnotations;

namespace TrustFund.Web.Features.Calls;

/// <summary>One row of the rubric in the call form.</summary>
public sealed class CriterionInput
{
    /// <summary>Stable key of an existing criterion; empty for a row added in the form.</summary>
    public string? Key { get; set; }

    [Display(Name = "Criterion")]
    public string? Name { get; set; }

    [Display(Name = "Weight")]
    public string? Weight { get; set; }
}
