using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Applications;

/// <summary>What someone may do with an application; decided per record by <see cref="ApplicationAccessHandler"/>.</summary>
public static class ApplicationOperations
{
    /// <summary>See the application (its content, versions and status).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Change a draft, attach documents, submit, withdraw: the applying organisation's own acts.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Download the application's documents.</summary>
    public static readonly OperationAuthorizationRequirement ReadDocuments = new() { Name = nameof(ReadDocuments) };

    /// <summary>Screen the application, ask the organisation for more information: the Secretariat's acts.</summary>
    public static readonly OperationAuthorizationRequirement Assess = new() { Name = nameof(Assess) };
}
