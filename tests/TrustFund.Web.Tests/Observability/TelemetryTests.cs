using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TrustFund.Application.Common;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Observability;

/// <summary>OpenTelemetry as an operator sees it: traces exported (here to memory) only when a collector is configured.</summary>
public sealed class TelemetryTests
{
    private const string EntityFrameworkSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    [Test]
    public async Task Submission_IsOneTraceWithTheDatabaseSpansInsideIt()
    {
        var spans = new List<Activity>();
        var submissions = 0L;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TrustFundTelemetry.Name && instrument.Name == "trustfund.applications.submitted")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref submissions, value));
        meters.Start();
        await using var app = await new TrustFundApp(new Dictionary<string, string?>
        {
            // Nothing listens there: the OTLP export fails quietly, the in-memory copy is what is checked.
            ["OpenTelemetry:Endpoint"] = "http://127.0.0.1:9",
            ["OpenTelemetry:Protocol"] = "HttpProtobuf",
        })
        {
            AdditionalServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        }.StartAsync();
        var call = await CreateOpenCallAsync(app);
        using var session = await app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");
        lock (spans)
        {
            spans.Clear();
        }

        var response = await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Receipt"), Is.True);

        // A span is exported when it ends, which may be just after the client has the response.
        var recorded = await RecordedAsync(spans, all => all.Any(IsSubmission));
        var request = recorded.Single(IsSubmission);
        var trace = recorded.Where(a => a.TraceId == request.TraceId).ToList();
        var database = trace.Where(a => a.Source.Name == EntityFrameworkSource).ToList();
        var duringRequest = recorded.Where(a => a.Source.Name == EntityFrameworkSource
            && a.StartTimeUtc >= request.StartTimeUtc && a.StartTimeUtc <= request.StartTimeUtc + request.Duration).ToList();
        var byId = trace.ToDictionary(a => a.SpanId);
        Assert.Multiple(() =>
        {
            Assert.That(request.ParentSpanId, Is.EqualTo(default(ActivitySpanId)), "the request's span is the trace's root");
            Assert.That(database, Has.Count.GreaterThanOrEqualTo(3), $"the reads, the reference number and the writes; recorded: {Described(recorded, request)}");
            Assert.That(database.Select(a => a.Kind), Is.All.EqualTo(ActivityKind.Client));
            Assert.That(database.Select(a => RootOf(a, byId)), Is.All.SameAs(request), "each database span sits inside the request's span");
            Assert.That(duringRequest.Select(a => a.TraceId), Is.All.EqualTo(request.TraceId), "no database work of the submission in another trace");
            Assert.That(Interlocked.Read(ref submissions), Is.EqualTo(1), "the submissions counter counts the committed submission");
        });
    }

    [Test]
    public async Task WithoutAnEndpoint_NoTelemetryIsCollected()
    {
        await using var app = await new TrustFundApp().StartAsync();

        Assert.That(app.Services.GetService<TracerProvider>(), Is.Null);
    }

    [Test]
    public void AnEndpointThatIsNotAnAddress_StopsStartUpNamingTheSetting()
    {
        using var app = new TrustFundApp(new Dictionary<string, string?> { ["OpenTelemetry:Endpoint"] = "otel-collector:4317" });

        Assert.That(() => app.Server, Throws.InvalidOperationException.With.Message.Contains("OpenTelemetry:Endpoint"));
    }

    private static bool IsSubmission(Activity span) =>
        span.Kind == ActivityKind.Server
        && span.GetTagItem("http.request.method") as string == "POST"
        && (span.GetTagItem("http.route") as string ?? string.Empty).Contains("Submit", StringComparison.Ordinal);

    private static async Task<List<Activity>> RecordedAsync(List<Activity> spans, Func<List<Activity>, bool> complete)
    {
        for (var wait = 0; ; wait++)
        {
            List<Activity> recorded;
            lock (spans)
            {
                recorded = [.. spans];
            }

            if (complete(recorded) || wait == 50)
            {
                return recorded;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every recorded span as source, name and whether it is in the request's trace, for a failure message.</summary>
    private static string Described(List<Activity> recorded, Activity request) =>
        string.Join("; ", recorded.Select(a => $"{a.Source.Name} '{a.DisplayName}'{(a.TraceId == request.TraceId ? string.Empty : " (other trace)")}"));

    private static Activity RootOf(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        while (current.ParentSpanId != default && byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            current = parent;
        }

        return current;
    }
}
