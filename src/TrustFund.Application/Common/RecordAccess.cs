using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Common;

/// <summary>
/// Record-level authorization for use cases and readers: asks the resource handlers whether the
/// current actor may do <c>operation</c> on a record. A refusal answers as if the record did not exist.
/// </summary>
public sealed class RecordAccess
{
    private readonly IAuthorizationService _authorization;
    private readonly ICurrentActor _actor;

    public RecordAccess(IAuthorizationService authorization, ICurrentActor actor)
    {
        _authorization = authorization;
        _actor = actor;
    }

    /// <summary>Whether the current actor may do <paramref name="operation"/> on <paramref name="resource"/>.</summary>
    public async Task<bool> AllowsAsync(object resource, OperationAuthorizationRequirement operation) =>
        (await _authorization.AuthorizeAsync(_actor.User, resource, operation)).Succeeded;

    /// <summary>Throws <see cref="NotFoundException"/> unless the current actor may do <paramref name="operation"/>.</summary>
    public async Task EnsureAsync(object resource, OperationAuthorizationRequirement operation)
    {
        if (!await AllowsAsync(resource, operation))
        {
            throw new NotFoundException();
        }
    }
}
