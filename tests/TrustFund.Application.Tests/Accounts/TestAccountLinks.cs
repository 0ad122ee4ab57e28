using System.Collections.Concurrent;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Tests.Accounts;

/// <summary>Account-email links on a fixed site, remembering the latest token sent to each user.</summary>
public sealed class TestAccountLinks : IAccountLinks
{
    public ConcurrentDictionary<Guid, string> LatestToken { get; } = new();

    public string ConfirmEmail(Guid userId, string token) => Remember("ConfirmEmail", userId, token);

    public string ResetPassword(Guid userId, string token) => Remember("ResetPassword", userId, token);

    public string AcceptInvitation(Guid userId, string token) => Remember("AcceptInvitation", userId, token);

    public string SignIn() => "https://trustfund.test/Account/Login";

    public string ForgotPassword() => "https://trustfund.test/Account/ForgotPassword";

    public string ResendConfirmation() => "https://trustfund.test/Account/ResendConfirmation";

    /// <summary>The code the link to <paramref name="userId"/> carries.</summary>
    public string CodeFor(Guid userId) => EmailLinkCode.Encode(LatestToken[userId]);

    private string Remember(string page, Guid userId, string token)
    {
        LatestToken[userId] = token;
        return $"https://trustfund.test/Account/{page}?userId={userId:D}&code={EmailLinkCode.Encode(token)}";
    }
}
