namespace TrustFund.Application.Common;

/// <summary>The result of a use case that has nothing to say beyond having been carried out.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}
