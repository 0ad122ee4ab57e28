using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Application.Files;
using TrustFund.Application.Grants;
using TrustFund.Infrastructure.Applications;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Files;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Persistence.ReadModels;
using TrustFund.Infrastructure.Protection;
using TrustFund.Infrastructure.Scaling;

namespace TrustFund.Infrastructure;

/// <summary>Registers persistence, Identity, audit, email and Data Protection.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddTrustFundInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = DatabaseProviders.Parse(database.Provider);
        var connectionString = ResolveConnectionString(configuration, provider, environment);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrustFundSharedState(configuration);
        services.AddSingleton<ChangeVersions>();
        services.AddSingleton<ChangeVersionInterceptor>();
        // Contexts are leased from a pool and given the request's services: building a context of this
        // model costs about a tenth of a signed-in page's CPU time, more than most of its queries.
        services.AddPooledDbContextFactory<TrustFundDbContext>((services, options) =>
            DbContextOptionsFactory.Configure(options, provider, connectionString).AddInterceptors(services.GetRequiredService<ChangeVersionInterceptor>()));
        services.AddScoped<ScopedContextLease>();
        services.AddScoped(provider => provider.GetRequiredService<ScopedContextLease>().Context);

        services.AddScoped<ITrustFundDb>(provider => provider.GetRequiredService<TrustFundDbContext>());
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();
        services.AddScoped<ICollisionDetector, CollisionDetector>();
        services.AddSingleton<IDatabaseOutages, DatabaseOutages>();
        services.AddScoped<IReferenceNumbers, ReferenceNumbers>();
        services.AddScoped<IGrantNumbers, GrantNumbers>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<IAuditChainVerifier>(provider => provider.GetRequiredService<AuditChainVerifier>());
        services.AddScoped<IFileStore, DatabaseFileStore>();

        // Read models that are costly to build (counts, option lists) are cached; one request at a time rebuilds an entry.
        services.AddHybridCache();
        services.AddScoped<IApplicationList, ApplicationListReader>();
        services.AddScoped<IApplicationDetails, ApplicationDetailReader>();
        services.AddSingleton<ApplicationDetailCache>();
        services.AddScoped<Application.Reviews.IRankings, Reviews.RankingReader>();
        services.AddSingleton<Reviews.RankingCache>();
        services.AddSingleton<Application.Reviews.IReviewerQueues, Reviews.ReviewerQueueReader>();
        services.AddSingleton<KeptReads>();
        services.AddSingleton<IKeptReads>(provider => provider.GetRequiredService<KeptReads>());

        // One browser per app prints every PDF; it starts on the first document, not with the app.
        services.Configure<Pdf.PdfSettings>(configuration.GetSection(Pdf.PdfSettings.Section));
        services.AddSingleton<Pdf.BrowserDiscovery>();
        services.AddSingleton<Pdf.ChromiumPdfRenderer>();
        services.AddSingleton<Application.Documents.IPdfRenderer>(provider => provider.GetRequiredService<Pdf.ChromiumPdfRenderer>());

        // Exports: each format's writer, chosen by the format the address asks for.
        services.AddSingleton<Application.Exports.IExportWriter, Exports.CsvExportWriter>();
        services.AddSingleton<Application.Exports.IExportWriter, Exports.XlsxExportWriter>();

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        var smtpHost = configuration[$"{EmailOptions.Section}:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddTransient<IEmailSender, PickupFolderEmailSender>();
        }
        else
        {
            services.AddTransient<IEmailSender, SmtpEmailSender>();
        }

        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue($"{EmailOptions.Section}:DispatcherEnabled", true))
        {
            services.AddHostedService<OutboxDispatcherService>();
        }

        if (configuration.GetValue(Reviews.ReviewReminderService.EnabledSetting, true))
        {
            services.AddHostedService<Reviews.ReviewReminderService>();
        }

        if (configuration.GetValue(GranteeReports.ReportReminderService.EnabledSetting, true))
        {
            services.AddHostedService<GranteeReports.ReportReminderService>();
        }

        services.AddTrustFundDataProtection(configuration, environment);

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Shortest password accepted; long passphrases are encouraged rather than symbol rules.</summary>
    public const int PasswordMinimumLength = 12;

    /// <summary>How long emailed links (email confirmation, invitation, password reset) work.</summary>
    public static readonly TimeSpan EmailLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Identity with TrustFund's password, lockout and sign-in rules.</summary>
    public static IdentityBuilder AddTrustFundIdentity(this IServiceCollection services)
    {
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = EmailLinkLifetime);
        return services.AddIdentity<TrustFundUser, TrustFundRole>(options =>
            {
                options.Password.RequiredLength = PasswordMinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;

                // The user name is the email address, which may hold an apostrophe or non-ASCII letters.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<TrustFundDbContext>()
            .AddUserStore<ProtectedTokenUserStore>()
            .AddUserManager<TrustFundUserManager>()
            .AddSignInManager<TrustFundSignInManager>()
            .AddClaimsPrincipalFactory<TrustFundClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailLinkTokenProvider>(TokenOptions.DefaultProvider)
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    private static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("TrustFund");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"ConnectionStrings:TrustFund is required when Database:Provider is {provider}.");
        }

        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "trustfund.db") }.ToString();
    }
}
