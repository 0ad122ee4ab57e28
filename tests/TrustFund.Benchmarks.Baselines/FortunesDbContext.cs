using Microsoft.EntityFrameworkCore;

namespace TrustFund.Benchmarks.Baselines;

/// <summary>
/// The Fortunes table in the app's database, outside the app's model and migrations: the table is
/// created here when missing and filled with the twelve rows.
/// </summary>
public sealed class FortunesDbContext(DbContextOptions<FortunesDbContext> options) : DbContext(options)
{
    public const string Table = "BenchmarkFortunes";

    public DbSet<Fortune> Fortunes => Set<Fortune>();

    /// <summary>Creates the table if it does not exist and adds the twelve rows when it is empty.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await Database.ExecuteSqlRawAsync(CreateTableSql(Database.ProviderName), cancellationToken);
        if (await Fortunes.AnyAsync(cancellationToken))
        {
            return;
        }

        Fortunes.AddRange(Baselines.Fortunes.Rows.Select(r => new Fortune(r.Id, r.Message)));
        await SaveChangesAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var fortune = modelBuilder.Entity<Fortune>();
        fortune.ToTable(Table);
        fortune.HasKey(f => f.Id);
        fortune.Property(f => f.Id).ValueGeneratedNever();
        fortune.Property(f => f.Message).HasMaxLength(2048).IsRequired();
    }

    // The same columns as EF Core creates for the model on each engine; SQL Server has no CREATE TABLE IF NOT EXISTS.
    private static string CreateTableSql(string? provider) => provider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" =>
            $"""CREATE TABLE IF NOT EXISTS "{Table}" ("Id" INTEGER NOT NULL CONSTRAINT "PK_{Table}" PRIMARY KEY, "Message" TEXT NOT NULL)""",
        "Npgsql.EntityFrameworkCore.PostgreSQL" =>
            $"""CREATE TABLE IF NOT EXISTS "{Table}" ("Id" integer NOT NULL, "Message" character varying(2048) NOT NULL, CONSTRAINT "PK_{Table}" PRIMARY KEY ("Id"))""",
        "Microsoft.EntityFrameworkCore.SqlServer" =>
            $"IF OBJECT_ID(N'[{Table}]', N'U') IS NULL CREATE TABLE [{Table}] ([Id] int NOT NULL, [Message] nvarchar(2048) NOT NULL, CONSTRAINT [PK_{Table}] PRIMARY KEY ([Id]))",
        _ => throw new NotSupportedException($"The Fortunes baseline does not know the database provider {provider}."),
    };
}
