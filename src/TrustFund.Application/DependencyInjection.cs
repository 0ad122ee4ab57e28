using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFund.Application.Common;

namespace TrustFund.Application;

/// <summary>Registers the use cases, their validators, domain event handlers and record-level authorization handlers.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddTrustFundApplication(this IServiceCollection services)
    {
        services.AddScoped<IUseCases, UseCases>();
        services.AddScoped(typeof(UseCasePipeline<,>));
        services.AddScoped<RecordAccess>();
        services.AddScoped<Email.Mail>();
        services.AddScoped<Accounts.AccountEmails>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IUseCaseHandler<,>) || definition == typeof(IDomainEventHandler<>))
                {
                    services.AddScoped(contract, type);
                }
            }

            if (typeof(IAuthorizationHandler).IsAssignableFrom(type))
            {
                services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IAuthorizationHandler), type));
            }
        }

        return services;
    }
}
