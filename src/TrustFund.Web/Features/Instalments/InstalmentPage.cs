using TrustFund.Application.Payments;

namespace TrustFund.Web.Features.Instalments;

/// <summary>The instalment page: what it shows, and its forms as last typed.</summary>
public sealed record InstalmentPage(InstalmentView View, ReleaseInput Release, PaymentInput Payment, HoldInput Hold)
{
    public string Path => $"/Grants/{View.Grant.Id}/Instalments/{View.Instalment.Id}";

    /// <summary>The answer typed about the condition at <paramref name="index"/>, if any.</summary>
    public ConditionAnswer? AnswerFor(int index) => Release.Conditions.FirstOrDefault(c => c.Index == index);
}
