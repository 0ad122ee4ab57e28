namespace TrustFund.Infrastructure.Files;

/// <summary>The bytes of an uploaded file, kept in the database so every app instance reads the same files.</summary>
public sealed class StoredFile
{
    public Guid Key { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTime StoredAtUtc { get; set; }
}
