using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Benchmarks;

/// <summary>Command line: <c>[--provider Sqlite|PostgreSql] [--scale small|large] [--duration SECONDS] [--fresh] [--connection CS] [--pages NAME,NAME] [--export] [--pdf]</c>; <c>--export</c> measures the applications CSV export on its own data set of 100,000 applications; <c>--pdf</c> times the PDF documents instead of the pages.</summary>
public sealed record BenchmarkArguments(DatabaseProvider Provider, DataScale Scale, int DurationSeconds, bool Fresh, string? Connection, bool GenerateOnly, IReadOnlySet<string>? OnlyPages = null, bool Export = false, bool Pdf = false)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var provider = DatabaseProvider.Sqlite;
        var scale = DataScale.Small;
        var duration = 10;
        var fresh = false;
        var generateOnly = false;
        var export = false;
        var pdf = false;
        string? connection = null;
        HashSet<string>? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--provider":
                    provider = DatabaseProviders.Parse(Next());
                    break;
                case "--scale":
                    scale = DataScale.Parse(Next());
                    break;
                case "--duration":
                    duration = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    if (duration is < 1 or > 50)
                    {
                        throw new ArgumentException("--duration must be 1 to 50 seconds (a run must end before its session cookie is a minute old).");
                    }

                    break;
                case "--fresh":
                    fresh = true;
                    break;
                case "--pdf":
                    pdf = true;
                    break;
                case "--generate-only":
                    generateOnly = true;
                    break;
                case "--export":
                    export = true;
                    break;
                case "--connection":
                    connection = Next();
                    break;
                case "--pages":
                    only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    var unknown = only.Except(Pages.Measured.Select(p => p.Name).Append(Pages.AutoAssignment), StringComparer.OrdinalIgnoreCase).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new ArgumentException($"Unknown page(s): {string.Join(", ", unknown)}. Pages: {string.Join(", ", Pages.Measured.Select(p => p.Name).Append(Pages.AutoAssignment))}.");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            throw new ArgumentException("The benchmark runs on Sqlite or PostgreSql.");
        }

        return new BenchmarkArguments(provider, export ? ExportBenchmarks.Scale : scale, duration, fresh, connection, generateOnly, only, export, pdf);
    }
}
