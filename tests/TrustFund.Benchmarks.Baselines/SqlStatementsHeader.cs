using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TrustFund.Benchmarks.Baselines;

/// <summary>
/// Puts the number of SQL statements a request ran in its response's <c>X-Sql-Statements</c> header.
/// Runs first in the pipeline, so everything the app does for the request is counted.
/// </summary>
public sealed class SqlStatementsHeader : IStartupFilter
{
    public const string Name = "X-Sql-Statements";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var count = SqlStatementCounter.BeginScope();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Name] = count.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };
}
