using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.Screenings;

/// <summary>The screening page: the application, the data's evaluation of each gate and the form.</summary>
public sealed record ScreeningPageModel(
    GrantApplication Application,
    Call Call,
    Organisation Organisation,
    Screening? Screening,
    IReadOnlyList<GateEvaluation> Evaluations,
    ScreeningInput Input);
