using TrustFund.Application.Accounts;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>Services of the account flows: emailed links and the emails themselves.</summary>
public static class AccountServices
{
    public static IServiceCollection AddTrustFundAccounts(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<PublicSiteOptions>()
            .Bind(configuration.GetSection(PublicSiteOptions.Section))
            .Validate(
                site => string.IsNullOrWhiteSpace(site.BaseUrl)
                    ? !environment.IsProduction()
                    : Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                $"{PublicSiteOptions.Section}:BaseUrl must be the site's absolute http(s) address (required in Production, where emailed links must not be built from the request's Host header).")
            .ValidateOnStart();
        services.AddScoped<IAccountLinks, AccountLinks>();
        return services;
    }
}
