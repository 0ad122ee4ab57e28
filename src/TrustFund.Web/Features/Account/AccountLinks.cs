using System.Globalization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>Absolute links written into account emails.</summary>
public sealed class AccountLinks : IAccountLinks
{
    private readonly PublicSiteOptions _site;
    private readonly IHttpContextAccessor _http;

    public AccountLinks(IOptions<PublicSiteOptions> site, IHttpContextAccessor http)
    {
        _site = site.Value;
        _http = http;
    }

    public string ConfirmEmail(Guid userId, string token) => WithCode("/Account/ConfirmEmail", userId, token);

    public string ResetPassword(Guid userId, string token) => WithCode("/Account/ResetPassword", userId, token);

    public string AcceptInvitation(Guid userId, string token) => WithCode("/Account/AcceptInvitation", userId, token);

    public string SignIn() => Absolute("/Account/Login");

    public string ForgotPassword() => Absolute("/Account/ForgotPassword");

    public string ResendConfirmation() => Absolute("/Account/ResendConfirmation");

    private string WithCode(string path, Guid userId, string token) =>
        Absolute(string.Create(CultureInfo.InvariantCulture, $"{path}?userId={userId:D}&code={Uri.EscapeDataString(EmailLinkCode.Encode(token))}"));

    private string Absolute(string pathAndQuery)
    {
        if (!string.IsNullOrWhiteSpace(_site.BaseUrl))
        {
            return _site.BaseUrl.TrimEnd('/') + pathAndQuery;
        }

        // Only outside Production (see PublicSiteOptions): the request's own address.
        var request = _http.HttpContext?.Request
            ?? throw new InvalidOperationException($"{PublicSiteOptions.Section}:BaseUrl is not set and there is no request to take the address from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
