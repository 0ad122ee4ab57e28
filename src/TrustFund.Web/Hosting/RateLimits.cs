using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace TrustFund.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the forms attackers hammer. One chained global limiter applies a
/// per-client (or per-user) window and, for sign-in, a per-account window, to POSTs whose action
/// carries <see cref="RateLimitedAttribute"/>. The counters are shared through Redis when
/// <c>Redis:Configuration</c> is set, and kept in this process otherwise. Refusals answer 429 with Retry-After, and the status
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
            RateLimitPolicies.SignIn => Window(context, $"sign-in|client|{client}", options.SignInPerClient),
            RateLimitPolicies.AccountEmails => Window(context, $"account-emails|client|{client}", options.AccountEmailsPerClient),
            RateLimitPolicies.Uploads => Window(context, $"uploads|user|{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? client}", options.UploadsPerUser),
            RateLimitPolicies.Documents => Window(context, $"documents|user|{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? client}", options.DocumentsPerUser),
            _ => RateLimitPartition.GetNoLimiter(string.Empty),
        };
    }

    private static RateLimitPartition<string> ByAccount(HttpContext context, RateLimitOptions options) =>
        PolicyOf(context) == RateLimitPolicies.SignIn
        && context.Items.TryGetValue(AccountKey, out var account) && account is string { Length: > 0 } name
            ? Window(context, $"sign-in|account|{name}", options.SignInPerAccount)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    /// <summary>
    /// A fixed window per key: in this process, or in Redis when <c>Redis:Configuration</c> is set, so that
    /// every instance behind a load balancer counts against the same window.
    /// </summary>
    private static RateLimitPartition<string> Window(HttpContext context, string key, RateLimitRule rule) =>
        context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis
            ? RedisRateLimitPartition.GetFixedWindowRateLimiter($"trustfund:rate-limit:{key}", _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = rule.PermitLimit,
                Window = rule.Window,
            })
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
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
