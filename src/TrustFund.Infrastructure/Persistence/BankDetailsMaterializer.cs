using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Unprotects an organisation's bank details as EF Core materialises it, with the key ring of the
/// context doing the query. Stateless, so one instance serves every context (and EF Core keeps one
/// internal service provider for all of them).
/// </summary>
internal sealed class BankDetailsMaterializer : IMaterializationInterceptor
{
    public static readonly BankDetailsMaterializer Instance = new();

    private BankDetailsMaterializer()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Organisation organisation && materializationData.Context is TrustFundDbContext db)
        {
            db.BankColumn.Load(organisation, materializationData.GetPropertyValue<string?>(ProtectedBankColumn.Property), Logger(db));
        }

        return entity;
    }

    // The app's logging, as EF Core itself logs (absent for contexts made without it).
    private static ILogger? Logger(TrustFundDbContext db) =>
        ((IInfrastructure<IServiceProvider>)db).Instance.GetService<ILoggerFactory>()?.CreateLogger("TrustFund.Organisations.BankDetails");
}
