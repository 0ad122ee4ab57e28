namespace TrustFund.Web.Features.Applications;

/// <summary>Every section form carries the version of the application it was based on, so a stale save is refused.</summary>
public abstract class SectionInput
{
    public Guid Version { get; set; }
}
