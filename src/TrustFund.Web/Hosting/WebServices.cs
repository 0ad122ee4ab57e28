using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using TrustFund.Application;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Scaling;
using TrustFund.Web.Features.Account;
using TrustFund.Web.Features.TwoFactor;

namespace TrustFund.Web.Hosting;

/// <summary>Composition of the web tier: MVC with feature folders, Identity cookies, authorization, localization.</summary>
public static class WebServices
{
    /// <summary>Idle time after which a session ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Longest a session can last, however active.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    /// <summary>How soon deactivation or a role change reaches a user's open sessions.</summary>
    public static readonly TimeSpan SessionRevalidation = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddTrustFundWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();

        // No "Server: Kestrel" banner on responses.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        if (!environment.IsDevelopment())
        {
            // One JSON object per line: user-supplied text with CR/LF is escaped, so it cannot forge log lines.
            // Scopes carry each request's trace id, the reference the error page shows.
            services.AddLogging(logging => logging.AddJsonConsole(o =>
            {
                o.JsonWriterOptions = new() { Indented = false };
                o.IncludeScopes = true;
            }));
        }

        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddTrustFundApplication();
        services.AddTrustFundInfrastructure(configuration, environment);
        services.AddTrustFundIdentity();
        services.AddSignInSessions(AbsoluteTimeout);
        services.AddTrustFundAccounts(configuration, environment);

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = SessionRevalidation;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "TrustFund.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events = new SessionCookieEvents();
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddCapabilityPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<IStringLocalizerFactory, CatalogueLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(options => Features.Languages.Languages.Configure(options, configuration, environment));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<FluentValidationFilter>();
                options.Filters.Add<TwoFactorEnrolmentFilter>();

                // The record named in the URL is the one acted on: a posted or query field called
                // "id" (or "code") must not override the route value.
                var route = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                options.ValueProviderFactories.Remove(route);
                options.ValueProviderFactories.Insert(0, route);
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureFolderViewLocations()))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Localization.IHtmlLocalizerFactory, CatalogueHtmlLocalizerFactory>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "TrustFund.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddSingleton<Features.Documents.DocumentViews>();
        services.AddScoped<Features.Documents.PdfResponses>();
        services.AddTrustFundRateLimits(configuration);
        services.AddTrustFundForwardedHeaders(configuration);
        services.AddTrustFundTelemetry(configuration);
        services.AddTrustFundCompression();
        return services;
    }

    public static WebApplication UseTrustFundPipeline(this WebApplication app)
    {
        app.UseTrustFundForwardedHeaders(app.Configuration);
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseTrustFundSharedState();
        app.UseRouting();
        app.UseAuthentication();

        // After authentication: a signed-in person's own choice of language comes first.
        app.UseRequestLocalization();
        app.UseTrustFundRateLimits();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapTrustFundStaticAssets();
        app.MapControllers().WithStaticAssets();
        return app;
    }

    private static AuthorizationBuilder AddCapabilityPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (capability, roles) in Capabilities.RolesFor)
        {
            builder.AddPolicy(capability, policy => policy.RequireRole(roles));
        }

        return builder;
    }
}
