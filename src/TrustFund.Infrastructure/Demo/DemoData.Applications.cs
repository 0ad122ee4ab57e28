using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Applications;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Demo;

public static partial class DemoData
{
    private static readonly byte[] DemoPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% TrustFund demo document\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>
    /// Demo applications, once calls exist: a submitted application of the verified organisation to
    /// the first open call, and a draft (to a second open call, or to the same one when it accepts
    /// several applications; otherwise the pending organisation's draft). Does nothing without an
    /// open call, and nothing when the demo organisations already have applications.
    /// </summary>
    public static async Task SeedApplicationsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var applicants = await db.Users.AsNoTracking()
            .Where(u => u.Email == Users[0].Email || u.Email == Users[1].Email)
            .Select(u => new { u.Email, u.DisplayName, u.OrganisationId })
            .ToListAsync(cancellationToken);
        var organisationIds = applicants.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value).ToList();
        var verified = applicants.SingleOrDefault(u => u.Email == Users[0].Email);
        var pending = applicants.SingleOrDefault(u => u.Email == Users[1].Email);
        if (verified?.OrganisationId is not { } verifiedOrganisationId
            || await db.Applications.AnyAsync(a => organisationIds.Contains(a.OrganisationId), cancellationToken))
        {
            return;
        }

        var openCalls = (await db.Calls.Where(c => c.Status == CallStatus.Published).OrderBy(c => c.ClosesAtUtc).ToListAsync(cancellationToken))
            .Where(c => c.AcceptsSubmissionsAt(now))
            .ToList();
        if (openCalls.Count == 0)
        {
            return;
        }

        var organisationVerified = await db.Organisations.AnyAsync(o => o.Id == verifiedOrganisationId && o.Status == OrganisationStatus.Verified, cancellationToken);
        var first = openCalls[0];
        var verifiedOrganisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == verifiedOrganisationId, cancellationToken);
        var submitted = GrantApplication.Start(first, verifiedOrganisation, verified.DisplayName, now);
        submitted.Edit(CompleteContent(first, now, "Safe shelter, legal aid and reintegration for survivors in Lagos"), verified.DisplayName, now);
        db.Applications.Add(submitted);
        var attached = await AttachRequiredDocumentsAsync(db, files, first, verifiedOrganisationId, submitted.Id, verified.DisplayName, now, cancellationToken);

        // Terms a demo call may add later could make the content fall short: then it stays a draft.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var context = new SubmissionContext(first, organisationVerified, verifiedOrganisation.LegalName, attached, now);
        if (submitted.CheckSubmission(context).All(c => c.Passed))
        {
            var reference = await scope.ServiceProvider.GetRequiredService<IReferenceNumbers>().TakeAsync(first, now, cancellationToken);
            submitted.Submit(context, reference, verified.DisplayName);
        }

        var draftCall = openCalls.Count > 1 ? openCalls[1] : first.Terms.AllowsSeveralApplicationsPerOrganisation ? first : null;
        var draftOwner = draftCall is null ? pending : verified;
        draftCall ??= first;
        if (draftOwner?.OrganisationId is { } draftOrganisationId)
        {
            var draftOrganisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == draftOrganisationId, cancellationToken);
            var draft = GrantApplication.Start(draftCall, draftOrganisation, draftOwner.DisplayName, now);
            draft.Edit(
                new ProposalContent
                {
                    Title = "Psychosocial support and safe return for trafficked women",
                    Language = draftCall.Terms.AcceptedLanguages.Count > 0 ? draftCall.Terms.AcceptedLanguages[0] : null,
                    DurationMonths = Math.Min(12, draftCall.Terms.MaximumDurationMonths),
                    ContextAndNeeds = "Draft: context still to be completed.",
                },
                draftOwner.DisplayName,
                now);
            db.Applications.Add(draft);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The call's required documents (two reference letters), stored and recorded against the application.</summary>
    private static async Task<List<SubmittedDocument>> AttachRequiredDocumentsAsync(
        TrustFundDbContext db, IFileStore files, Call call, Guid organisationId, Guid applicationId, string by, DateTime now, CancellationToken cancellationToken)
    {
        var attached = new List<SubmittedDocument>();
        foreach (var type in call.Terms.RequiredDocuments.Distinct())
        {
            var copies = type == DocumentType.ReferenceLetter ? 2 : 1;
            for (var i = 1; i <= copies; i++)
            {
                var key = await files.AddAsync(DemoPdf, cancellationToken);
                var attachment = Attachment.Record(
                    organisationId,
                    applicationId,
                    type,
                    $"{type}-{i}.pdf",
                    "application/pdf",
                    DemoPdf.Length,
                    Convert.ToHexStringLower(SHA256.HashData(DemoPdf)),
                    key,
                    now,
                    by);
                db.Attachments.Add(attachment);
                attached.Add(SubmittedDocument.Of(attachment));
            }
        }

        return attached;
    }

    private static ProposalContent CompleteContent(Call call, DateTime now, string title)
    {
        var terms = call.Terms;
        var amount = Math.Max(terms.MinimumAmount, Math.Min(50_000m, terms.MaximumAmount));
        var country = call.IsEligibleCountry("NGA") ? "NGA" : UnM49.Countries.First(c => c.Iso3 is not null && call.IsEligibleCountry(c.Iso3)).Iso3!;
        var assistance = terms.AllowedAssistance.Count > 0 ? terms.AllowedAssistance[0] : AssistanceType.ShelterAndSafeAccommodation;
        var shelter = decimal.Round(amount * 0.6m, 2);
        return new ProposalContent
        {
            Title = title,
            Language = terms.AcceptedLanguages[0],
            Countries = [country],
            Locations = "Lagos and Ogun states",
            StartDate = DateOnly.FromDateTime(now).AddMonths(2),
            DurationMonths = Math.Min(12, terms.MaximumDurationMonths),
            AmountRequested = amount,
            TotalProjectCost = amount + 10_000m,
            OtherFunding = 10_000m,
            ContextAndNeeds = "Women and girls trafficked for sexual exploitation return with few services available.",
            ObjectivesAndActivities = "Safe shelter, legal aid and reintegration for 60 survivors; indicators reported quarterly.",
            Monitoring = "Quarterly case reviews and an external evaluation.",
            Sustainability = "Shelter costs taken over by the state ministry from the second year.",
            RisksAndMitigation = "Threats from traffickers: confidential shelter address and a security plan.",
            Beneficiaries =
            [
                new BeneficiaryTarget(Sex.Female, AgeBand.Age12To17, 15),
                new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 40),
                new BeneficiaryTarget(Sex.Male, AgeBand.Age18To24, 5),
            ],
            ExploitationForms = [ExploitationForm.SexualExploitation, ExploitationForm.ForcedLabour],
            SafeguardingApproach = "Informed consent, confidential case files, trauma-informed staff trained every year.",
            Assistance = [new AssistanceActivity(assistance, "Delivered by trained staff at the shelter and through referral partners.")],
            Budget =
            [
                new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter running costs", 1, "year", shelter),
                new BudgetLine(Guid.NewGuid(), BudgetCategory.Personnel, "Lawyer and social worker", 1, "year", amount - shelter),
            ],
            DeclaresInformationAccurate = true,
            DeclaresNoVictimIdentities = true,
            DeclaresSafeguardingMeasures = true,
        };
    }
}
