using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace TrustFund.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the forms attackers hammer. One chained global limiter applies a
/// per-client (or per-user) window and, for sign-in, a per-account window, to POSTs whose action
/// carries <see cref="RateLimitedAttribute"/>. Refusals answer 429 with Retry-After, and the status
/// code page renders a readable explanation.
/// </summary>
internal static class RateLimits
{
    private const string AccountKey = "TrustFund.RateLimits.Account";

    public static IServiceCollection AddTrustFundRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            if (options.Enabled)
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context => ByClient(context, options)),
                    PartitionedRateLimiter.Create<HttpContext, string>(context => ByAccount(context, options)));
            }
        });
        return services;
    }

    /// <summary>Goes after authentication (uploads are counted per user) and before the actions.</summary>
    public static IApplicationBuilder UseTrustFundRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (PolicyOf(context) == RateLimitPolicies.SignIn)
            {
                try
                {
                    context.Items[AccountKey] = await AccountOfAsync(context);
                }
                catch (InvalidDataException)
                {
                    // A form body that cannot be decoded (e.g. a NUL character) is a bad request, not a failure.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The action's policy: on POSTs, and on any request for generated documents (printing costs the same either way).</summary>
    private static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Policy is { } policy
        && (HttpMethods.IsPost(context.Request.Method) || policy == RateLimitPolicies.Documents)
            ? policy
            : null;

    private static RateLimitPartition<string> ByClient(HttpContext context, RateLimitOptions options)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return PolicyOf(context) switch
        {
            RateLimitPolicies.SignIn => Window($"sign-in|client|{client}", options.SignInPerClient),
            RateLimitPolicies.AccountEmails => Window($"account-emails|client|{client}", options.AccountEmailsPerClient),
            RateLimitPolicies.Uploads => Window($"uploads|user|{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? client}", options.UploadsPerUser),
            RateLimitPolicies.Documents => Window($"documents|user|{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? client}", options.DocumentsPerUser),
            _ => RateLimitPartition.GetNoLimiter(string.Empty),
        };
    }

    private static RateLimitPartition<string> ByAccount(HttpContext context, RateLimitOptions options) =>
        PolicyOf(context) == RateLimitPolicies.SignIn
        && context.Items.TryGetValue(AccountKey, out var account) && account is string { Length: > 0 } name
            ? Window($"sign-in|account|{name}", options.SignInPerAccount)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static RateLimitPartition<string> Window(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The account a sign-in form is about: the email typed, or the user half-way through two-factor sign-in.</summary>
    private static async Task<string?> AccountOfAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var email = form["Email"].ToString().Trim();
            if (email.Length > 0)
            {
                return email.ToUpperInvariant();
            }
        }

        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal?.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } userId ? $"user:{userId}" : null;
    }
}
