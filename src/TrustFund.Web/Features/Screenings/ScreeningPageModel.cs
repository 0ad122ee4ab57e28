using TrustFund.Application.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.Screenings;

/// <summary>The screening page: the application, the data's evaluation of each gate, the form, and the screening of the previous version beside it.</summary>
public sealed record ScreeningPageModel(
    GrantApplication Application,
    Call Call,
    Organisation Organisation,
    Screening? Screening,
    Screening? PreviousScreening,
    IReadOnlyList<GateEvaluation> Evaluations,
    ScreeningInput Input)
{
    public static ScreeningPageModel From(ScreeningView view, IReadOnlyList<GateEvaluation> evaluations, ScreeningInput input) =>
        new(view.Application, view.Call, view.Organisation, view.Current, view.Previous.Count > 0 ? view.Previous[0] : null, evaluations, input);
}
