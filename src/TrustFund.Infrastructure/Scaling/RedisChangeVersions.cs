using System.Globalization;
using StackExchange.Redis;
using TrustFund.Infrastructure.Persistence.ReadModels;

namespace TrustFund.Infrastructure.Scaling;

/// <summary>
/// The change counters of every instance in one Redis hash (<c>trustfund:change-versions</c>, a field per
/// entity type). A save moves its types' fields in one atomic script; a request reads the whole hash in
/// one round trip.
/// </summary>
public sealed class RedisChangeVersions(IConnectionMultiplexer redis) : ISharedChangeVersions
{
    public static readonly RedisKey Key = "trustfund:change-versions";

    private const string IncrementScript = """
        local values = {}
        for i, field in ipairs(ARGV) do
            values[i] = redis.call('HINCRBY', KEYS[1], field, 1)
        end
        return values
        """;

    private static readonly RedisKey[] Keys = [Key];

    public IReadOnlyList<long> Increment(IReadOnlyList<string> names) =>
        Values(redis.GetDatabase().ScriptEvaluate(IncrementScript, Keys, Arguments(names)));

    public async Task<IReadOnlyList<long>> IncrementAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Values(await redis.GetDatabase().ScriptEvaluateAsync(IncrementScript, Keys, Arguments(names)).WaitAsync(cancellationToken));

    public async Task<IReadOnlyList<KeyValuePair<string, long>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(Key).WaitAsync(cancellationToken);
        return [.. entries.Select(e => new KeyValuePair<string, long>(e.Name.ToString(), long.Parse(e.Value.ToString(), CultureInfo.InvariantCulture)))];
    }

    private static RedisValue[] Arguments(IReadOnlyList<string> names) => [.. names.Select(n => (RedisValue)n)];

    private static long[] Values(RedisResult result) => (long[])result!;
}
