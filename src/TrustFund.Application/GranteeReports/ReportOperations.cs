using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.GranteeReports;

/// <summary>What someone may do with a grant's reports; decided per grant by <see cref="ReportAccessHandler"/>.</summary>
public static class ReportOperations
{
    /// <summary>See the schedule, the reports and their versions.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Fill in and submit a report: the grantee organisation's own act.</summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = nameof(Write) };

    /// <summary>Accept a report or send it back for revision: the Secretariat's act.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
}
