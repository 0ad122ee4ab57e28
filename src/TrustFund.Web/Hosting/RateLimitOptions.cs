namespace TrustFund.Web.Hosting;

/// <summary>The <c>RateLimits</c> settings: a fixed window per rule.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public RateLimitRule SignInPerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    public RateLimitRule SignInPerClient { get; set; } = new() { PermitLimit = 50, Window = TimeSpan.FromMinutes(15) };

    public RateLimitRule AccountEmailsPerClient { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    public RateLimitRule UploadsPerUser { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };

    public RateLimitRule DocumentsPerUser { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };
}
