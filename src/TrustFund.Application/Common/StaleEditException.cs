namespace TrustFund.Application.Common;

/// <summary>The record changed after the person opened it (its version is not the one the form carried).</summary>
public sealed class StaleEditException : Exception
{
    public StaleEditException(string entityType, Guid entityId)
        : base($"{entityType} {entityId} changed after it was read.")
    {
        EntityType = entityType;
        EntityId = entityId;
    }

    public StaleEditException()
        : this("record", Guid.Empty)
    {
    }

    public StaleEditException(string message)
        : base(message)
    {
        EntityType = "record";
    }

    public StaleEditException(string message, Exception innerException)
        : base(message, innerException)
    {
        EntityType = "record";
    }

    public string EntityType { get; }

    public Guid EntityId { get; }
}
