namespace TrustFund.Domain.Places;

/// <summary>A UN M49 area: the world, a region, a sub-region, an intermediate region or a country.</summary>
public sealed record Place(string Code, PlaceType Type, string Name, string? ParentCode, string? Iso3, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in <paramref name="language"/> (two-letter code) when known, else the English name.</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Name;
}
