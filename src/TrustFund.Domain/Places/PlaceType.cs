namespace TrustFund.Domain.Places;

/// <summary>Levels of the UN M49 hierarchy.</summary>
public enum PlaceType
{
    World,
    Region,
    Subregion,
    Intermediate,
    Country,
}
