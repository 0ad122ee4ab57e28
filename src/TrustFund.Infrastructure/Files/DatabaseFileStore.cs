using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Files;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Files;

/// <summary>Keeps file bytes in the StoredFiles table, in the caller's unit of work.</summary>
internal sealed class DatabaseFileStore : IFileStore
{
    private readonly TrustFundDbContext _db;
    private readonly TimeProvider _clock;

    public DatabaseFileStore(TrustFundDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public Task<Guid> AddAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var file = new StoredFile { Key = Guid.NewGuid(), Content = content.ToArray(), StoredAtUtc = _clock.GetUtcNow().UtcDateTime };
        _db.StoredFiles.Add(file);
        return Task.FromResult(file.Key);
    }

    public async Task<byte[]?> ReadAsync(Guid key, CancellationToken cancellationToken) =>
        await _db.StoredFiles.AsNoTracking().Where(f => f.Key == key).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);

    public async Task RemoveAsync(Guid key, CancellationToken cancellationToken)
    {
        var file = await _db.StoredFiles.FindAsync([key], cancellationToken);
        if (file is not null)
        {
            _db.StoredFiles.Remove(file);
        }
    }
}
