using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>
/// Gives every request the connection address <paramref name="address"/>, as a real server would
/// (the in-memory test server has none): the address of a client, or of a proxy in front of the app.
/// </summary>
internal sealed class ConnectionAddress(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
