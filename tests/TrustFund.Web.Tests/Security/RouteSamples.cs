using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Infrastructure.Files;
using TrustFund.Web.Tests.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;
using static TrustFund.Web.Tests.Security.SecurityMatrixTests;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Real records to put into route parameters, and the endpoints the app maps. Values are keyed by
/// parameter name, or by "route prefix:parameter name" when the same name means another record.
/// </summary>
public sealed class RouteSamples
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "404",
        ["sequence"] = "1",
        ["/Grants/{id:guid}/Reports:id"] = "5b0d7a0e-0000-4000-8000-00000000a001",
        ["reportId"] = "5b0d7a0e-0000-4000-8000-00000000a002",
        ["number"] = "1",
        ["format"] = "csv",
    };

    public Guid CallId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid ApplicantId { get; private set; }

    /// <summary>The closed call ranked for the Board's decisions.</summary>
    public Guid DecisionCallId { get; private set; }

    /// <summary>A grant of the demo applicant's organisation, awaiting signatures.</summary>
    public Guid GrantId { get; private set; }

    /// <summary>The demo reviewer's assignment, still waiting for their conflict declaration.</summary>
    public Guid AssignmentId { get; private set; }

    /// <summary>
    /// Creates the records: "{id}" is an existing user (the administrator), the ST call with a
    /// clarification question, and a submitted application of the demo applicant's organisation with
    /// a document, plus a document kept at organisation level.
    /// </summary>
    public static async Task<RouteSamples> CreateAsync(TrustFundApp app)
    {
        var samples = new RouteSamples();
        var values = samples.Values;
        values["id"] = (await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@trustfund.test").Select(u => u.Id).SingleAsync())).ToString();
        var call = await app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == "ST"));
        samples.CallId = call.Id;
        values["/Manage/Calls:id"] = call.Id.ToString();
        values["/calls:code"] = call.Code;
        var question = await app.WithDbAsync(async db =>
        {
            var applicant = await db.Users.SingleAsync(u => u.Email == "applicant@trustfund.test");
            var asked = ClarificationQuestion.Ask(call, applicant.OrganisationId!.Value, applicant.Id, applicant.Email!, "Are partner organisations' staff costs eligible?", app.Clock.GetUtcNow().UtcDateTime);
            db.ClarificationQuestions.Add(asked);
            await db.SaveChangesAsync();
            return asked;
        });
        values["questionId"] = question.Id.ToString();
        values["/calls:id"] = question.Id.ToString();

        var organisationId = await FundData.DemoOrganisationIdAsync(app, "applicant@trustfund.test");
        var application = await FundData.ApplicationAsync(app, call.Id, organisationId, FundData.Content("Safe shelter and legal aid", 10_000m), submit: false);
        var records = await app.WithDbAsync(async db =>
        {
            var applicant = await db.Users.SingleAsync(u => u.Email == "applicant@trustfund.test");
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var pdf = "%PDF-1.4\n%matrix\n"u8.ToArray();
            var fileKey = Guid.NewGuid();
            db.StoredFiles.Add(new StoredFile { Key = fileKey, Content = pdf, StoredAtUtc = now });
            var applicationDocument = Attachment.Record(organisationId, application.Id, DocumentType.Other, "plan.pdf", "application/pdf", pdf.Length, new string('0', 64), fileKey, now, applicant.Email!);
            var organisationDocument = Attachment.Record(organisationId, null, DocumentType.RegistrationCertificate, "certificate.pdf", "application/pdf", pdf.Length, new string('0', 64), fileKey, now, applicant.Email!);
            db.Attachments.AddRange(applicationDocument, organisationDocument);
            await db.SaveChangesAsync();
            return (Document: applicationDocument, ApplicationDocumentId: applicationDocument.Id, OrganisationDocumentId: organisationDocument.Id, ApplicantId: applicant.Id);
        });

        // Submitted relying on the application's document, so fund managers may download it.
        await FundData.SubmitWithAsync(app, application.Id, records.Document);
        samples.OrganisationId = organisationId;
        samples.ApplicationId = application.Id;
        samples.ApplicantId = records.ApplicantId;
        values["/Applications:id"] = application.Id.ToString();
        values["/Manage/Applications:id"] = application.Id.ToString();
        values["/applications/{id:guid}/dossier:id"] = application.Id.ToString();
        values["/calls/{id:guid}/board-pack:id"] = call.Id.ToString();
        values["attachmentId"] = records.ApplicationDocumentId.ToString();
        values["/Organisation/Documents:id"] = records.OrganisationDocumentId.ToString();
        values["documentId"] = records.OrganisationDocumentId.ToString();
        values["/Manage/Organisations:id"] = organisationId.ToString();
        values["/Organisation/Members:id"] = records.ApplicantId.ToString();

        // Another organisation's eligible application, so the demo organisation's sample stays as it is.
        samples.AssignmentId = (await ReviewWebData.AssignedAsync(app, "reviewer@trustfund.test", "RVS")).AssignmentId;
        values["assignmentId"] = samples.AssignmentId.ToString();
        values["/Manage/Reviewers:id"] = (await app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer@trustfund.test").Select(u => u.Id).SingleAsync())).ToString();

        // A grant of the demo organisation, its first instalment still planned, and a closed concern.
        var paymentGrant = await PaymentWebData.ActiveGrantAsync(app, organisationId, "PAYS");
        values["grantId"] = paymentGrant.Id.ToString();
        values["instalmentId"] = paymentGrant.Instalments[0].Id.ToString();
        values["/grants/{id:guid}:id"] = paymentGrant.Id.ToString();
        values["concernId"] = (await PaymentWebData.ConcernAsync(app, organisationId, closed: true)).Id.ToString();

        // A closed call ranked for the Board (another organisation's application), and a grant of the
        // demo organisation with an amendment waiting for a decision.
        var ranked = await GrantWebData.RankedCallAsync(app, "BRD", 500_000m, new GrantWebData.Entry((await FundData.OrganisationAsync(app, "BRD Survivors Network")).Id, 10_000m, 4));
        samples.DecisionCallId = ranked.CallId;
        values["callId"] = ranked.CallId.ToString();
        values["applicationId"] = ranked.Applications[0].ToString();
        samples.GrantId = await GrantWebData.GrantAsync(app, organisationId, "GRS");
        values["/Grants:id"] = samples.GrantId.ToString();
        values["amendmentId"] = (await app.WithDbAsync(async db =>
        {
            var grant = await db.Grants.SingleAsync(g => g.Id == samples.GrantId);
            var amendment = grant.RequestExtension(grant.EndDate.AddMonths(3), "Delays in the rainy season.", "applicant@trustfund.test", Domain.Grants.RequestingSide.Grantee, app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return amendment.Id;
        })).ToString();
        return samples;
    }

    /// <summary>Every route endpoint the app maps, keyed by method ("*" when any) and pattern.</summary>
    public static Dictionary<EndpointKey, RouteEndpoint> MappedEndpoints(TrustFundApp app)
    {
        var endpoints = new Dictionary<EndpointKey, RouteEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (IsStaticFile(endpoint))
            {
                continue;
            }

            var pattern = PatternOf(endpoint);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["*"])
            {
                endpoints[new EndpointKey(method, pattern)] = endpoint;
            }
        }

        return endpoints;
    }

    /// <summary>
    /// The files of wwwroot (MapStaticAssets, one endpoint per file and compressed copy, and during development the
    /// fallback to files added since the build): public by design, checked by <c>StaticAsset_MayBeCachedButKeepsNosniff</c>.
    /// </summary>
    public static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
        || endpoint.RoutePattern.RawText == "{**path:file}";

    public static string PatternOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    /// <summary>The URL of <paramref name="pattern"/> with sample values (or <paramref name="overrides"/>) in its parameters.</summary>
    public string Fill(RoutePattern pattern, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when (overrides?.GetValueOrDefault(parameter.Name) ?? SampleFor(pattern.RawText!, parameter.Name)) is { } value => Uri.EscapeDataString(value),
            RoutePatternParameterPart { IsOptional: true } => string.Empty,
            RoutePatternParameterPart parameter => throw new AssertionException($"No sample value for route parameter {{{parameter.Name}}} of {pattern.RawText}: add one to RouteSamples."),
            _ => throw new AssertionException($"Unexpected route part in {pattern.RawText}"),
        })));
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }

    public string? SampleFor(string rawPattern, string parameter)
    {
        var pattern = "/" + rawPattern.TrimStart('/');
        var specific = Values
            .Where(kv => kv.Key.Contains(':', StringComparison.Ordinal)
                && kv.Key.EndsWith(":" + parameter, StringComparison.OrdinalIgnoreCase)
                && pattern.StartsWith(kv.Key[..kv.Key.LastIndexOf(':')], StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Key.Length)
            .Select(kv => kv.Value)
            .FirstOrDefault();
        return specific ?? Values.GetValueOrDefault(parameter);
    }
}
