using System.ComponentModel.DataAnnotations;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.Applications;

/// <summary>The three declarations made before submission.</summary>
public sealed class DeclarationsInput : SectionInput
{
    [Display(Name = "I declare that the information in this application is accurate and complete.")]
    public bool DeclaresInformationAccurate { get; set; }

    [Display(Name = "I declare that this application contains no victim's name, photograph or other identifying information.")]
    public bool DeclaresNoVictimIdentities { get; set; }

    [Display(Name = "I declare that our organisation has safeguarding measures and a policy on protection from sexual exploitation and abuse (PSEA).")]
    public bool DeclaresSafeguardingMeasures { get; set; }

    public static DeclarationsInput From(GrantApplication application) => new()
    {
        Version = application.Version,
        DeclaresInformationAccurate = application.Content.DeclaresInformationAccurate,
        DeclaresNoVictimIdentities = application.Content.DeclaresNoVictimIdentities,
        DeclaresSafeguardingMeasures = application.Content.DeclaresSafeguardingMeasures,
    };

    public ProposalContent ApplyTo(ProposalContent content) => content with
    {
        DeclaresInformationAccurate = DeclaresInformationAccurate,
        DeclaresNoVictimIdentities = DeclaresNoVictimIdentities,
        DeclaresSafeguardingMeasures = DeclaresSafeguardingMeasures,
    };
}
