using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TrustFund.Application.Common;

/// <summary>
/// The app's own spans and business counters, under the name <see cref="Name"/>. They cost nothing
/// until a listener subscribes: OpenTelemetry does when <c>OpenTelemetry:Endpoint</c> is set, and so
/// can <c>dotnet-counters monitor --counters TrustFund</c>.
/// </summary>
public static class TrustFundTelemetry
{
    public const string Name = "TrustFund";

    /// <summary>Spans around work a request does not show: the outbox's dispatch, PDF printing.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Applications submitted (first submissions and resubmissions), counted once committed.</summary>
    public static readonly Counter<long> Submissions = Meter.CreateCounter<long>(
        "trustfund.applications.submitted", "{application}", "Applications submitted, first submissions and resubmissions.");

    /// <summary>Screening decisions recorded, tagged with the outcome.</summary>
    public static readonly Counter<long> Screenings = Meter.CreateCounter<long>(
        "trustfund.screenings.decided", "{screening}", "Eligibility screening decisions recorded, by outcome.");

    /// <summary>Payments recorded against instalments.</summary>
    public static readonly Counter<long> Payments = Meter.CreateCounter<long>(
        "trustfund.payments.recorded", "{payment}", "Payments recorded against instalments.");

    /// <summary>Emails sent from the outbox, and those given up after the last attempt.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "trustfund.outbox.sent", "{message}", "Outbox messages sent.");

    /// <summary>PDF documents printed.</summary>
    public static readonly Histogram<double> PdfRenderSeconds = Meter.CreateHistogram<double>(
        "trustfund.pdf.render.duration", "s", "Time to print one PDF document, queue included.");
}
