namespace TrustFund.Web.Hosting;

/// <summary>Puts a POST action under one of the <see cref="RateLimitPolicies"/>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitedAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
