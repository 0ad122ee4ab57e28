using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;

namespace TrustFund.Application.Tests.Common;

/// <summary>Every request in the Application assembly has exactly one registered handler.</summary>
public sealed class UseCaseRegistrationTests
{
    private static readonly Type[] Requests = typeof(IUseCases).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && ResultOf(t) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Test]
    public void Requests_AreFound()
    {
        Assert.That(Requests.Select(r => r.Name), Does.Contain("SubmitApplication").And.Contain("PublishCall"));
    }

    [Test]
    public async Task EveryRequest_HasExactlyOneHandlerRegistered()
    {
        await using var slice = await SliceFixture.StartAsync();
        var missing = new List<string>();
        await slice.WithScopeAsync(services =>
        {
            foreach (var request in Requests)
            {
                var result = ResultOf(request)!;
                var handlers = services.GetServices(typeof(IUseCaseHandler<,>).MakeGenericType(request, result)).ToList();
                if (handlers.Count != 1)
                {
                    missing.Add($"{request.FullName}: {handlers.Count} handlers");
                }
            }

            return Task.FromResult(0);
        });

        Assert.That(missing, Is.Empty);
    }

    private static Type? ResultOf(Type type) => type.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<>))
        ?.GetGenericArguments()[0];
}
