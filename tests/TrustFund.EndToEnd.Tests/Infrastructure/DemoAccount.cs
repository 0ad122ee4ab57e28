using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Demo;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>A demo account and the heading of the home page it lands on.</summary>
public sealed record DemoAccount(string Email, string Role, string HomeHeading)
{
    /// <summary>Every seeded demo account, one test case each, named by its email address.</summary>
    public static IEnumerable<TestCaseData> All() =>
        DemoData.Users.Select(u => new TestCaseData(new DemoAccount(u.Email, u.Role, HeadingFor(u.Role, u.Organisation)))
            .SetArgDisplayNames(u.Email));

    public static DemoAccount Named(string email) =>
        DemoData.Users.Where(u => u.Email == email).Select(u => new DemoAccount(u.Email, u.Role, HeadingFor(u.Role, u.Organisation))).Single();

    public override string ToString() => Email;

    private static string HeadingFor(string role, int organisation) => role switch
    {
        Roles.Applicant => organisation == 1 ? "Safe Harbour Foundation for Survivors" : "Fundación Camino de Esperanza y Reintegración",
        Roles.Reviewer => "Your reviews",
        Roles.FundManager => "Fund management",
        Roles.FinanceOfficer => "Payments",
        Roles.Administrator => "Administration",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No home page is known for this role."),
    };
}
