namespace TrustFund.Web.Features.Screenings;

/// <summary>One gate of the screening form.</summary>
public sealed class GateInput
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    public string? Gate { get; set; }

    /// <summary><c>pass</c>, <c>fail</c> or empty (not confirmed yet).</summary>
    public string? Result { get; set; }

    public string? Comment { get; set; }
}
