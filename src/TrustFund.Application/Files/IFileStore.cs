namespace TrustFund.Application.Files;

/// <summary>
/// Keeps uploaded files. The default store is the database, so several app instances share them;
/// writes join the current unit of work (saved with the next SaveChanges).
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes and returns the key to read them back.</summary>
    Task<Guid> AddAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The bytes stored under <paramref name="key"/>, or null.</summary>
    Task<byte[]?> ReadAsync(Guid key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes (with the next save).</summary>
    Task RemoveAsync(Guid key, CancellationToken cancellationToken);
}
