using TrustFund.Infrastructure.Demo;

namespace TrustFund.Benchmarks;

/// <summary>The pages measured. Adding a page to the benchmark is one line here.</summary>
public static class Pages
{
    public const string Json = "bench/json";
    public const string Fortunes = "bench/fortunes";

    /// <summary>Not a page run under load: the auto-assignment preview, timed request by request (see Program).</summary>
    public const string AutoAssignment = "auto-assignment";

    public static string Manager => DemoData.Users.Single(u => u.Email.StartsWith("manager@", StringComparison.Ordinal)).Email;

    /// <summary>The demo finance officer, whose home is the payments queue.</summary>
    public static string Finance => DemoData.Users.Single(u => u.Email.StartsWith("finance@", StringComparison.Ordinal)).Email;

    /// <summary>The demo reviewer, one of the data set's reviewers, with about a hundred assignments.</summary>
    public static string Reviewer => DemoData.Users.Single(u => u.Email.StartsWith("reviewer@", StringComparison.Ordinal)).Email;

    /// <summary>An applicant of a generated organisation with a full history of applications.</summary>
    public static string Applicant => DataGenerator.ApplicantEmail(0);

    public static IReadOnlyList<BenchPage> Baselines { get; } =
    [
        new(Json, "/bench/json", null),
        new(Fortunes, "/bench/fortunes", null),
    ];

    public static IReadOnlyList<BenchPage> Measured { get; } =
    [
        new("open calls", "/calls", null),
        new("applications list", "/Manage/Applications?Status=Eligible&Sort=amount&Dir=desc", Manager),
        new("applications list p100", "/Manage/Applications?Status=Eligible&Sort=amount&Dir=desc", Manager, FollowNext: 99, ComparedTo: "applications list"),
        new("list by organisation", "/Manage/Applications?Sort=organisation&Dir=asc", Manager),
        new("application detail", "/Manage/Applications/{application}", Manager),
        new("applicant home", "/", Applicant),
        new("ranking", "/Manage/Calls/{reviewedCall}/Ranking", Manager),
        new("reviewer queue", "/", Reviewer),
        new("payments queue", "/Finance/Payments", Finance),
        new("grants list", "/Manage/Grants", Manager),
        new("grant page", "/Grants/{grant}", Manager),
    ];
}
