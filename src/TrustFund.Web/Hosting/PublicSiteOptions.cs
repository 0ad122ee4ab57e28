namespace TrustFund.Web.Hosting;

/// <summary>Settings under <c>PublicSite</c>: how people reach the site.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PublicSite";

    /// <summary>
    /// The address people use to reach the site, such as <c>https://trustfund.example.org</c>. Emailed
    /// links start with it. Required in Production: without it links would be built from the request's
    /// Host header, which anyone can forge to send a victim's reset link to their own server.
    /// </summary>
    public string? BaseUrl { get; set; }
}
