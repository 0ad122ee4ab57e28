using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds a grant in any status, with its schedule planned, by taking it through the legal moves that reach it.</summary>
public sealed class GrantBuilder
{
    public static readonly DateTime Now = CallBuilder.Now;

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public static readonly DateOnly Start = new(2026, 5, 1);

    public static readonly DateOnly End = new(2027, 4, 30);

    /// <summary>The fund manager who requests releases.</summary>
    public static readonly Guid FundManagerId = Guid.Parse("00000000-0000-0000-0000-00000000f001");

    /// <summary>The finance officer who approves releases and records payments.</summary>
    public static readonly Guid FinanceOfficerId = Guid.Parse("00000000-0000-0000-0000-00000000f002");

    /// <summary>Every report accepted, no manual condition met.</summary>
    public static readonly ReleaseFacts AllReportsAccepted = new(true, true, []);

    private GrantStatus _status = GrantStatus.Active;
    private Money _amount = Money.Usd(15_000m);
    private InstalmentTemplate? _template = InstalmentTemplate.Default;
    private bool _bankVerified = true;

    public static GrantBuilder AGrant() => new();

    public GrantBuilder In(GrantStatus status)
    {
        _status = status;
        return this;
    }

    public GrantBuilder For(decimal amount)
    {
        _amount = Money.Usd(amount);
        return this;
    }

    /// <summary>The schedule planned (with default dates and conditions); null for none.</summary>
    public GrantBuilder Scheduled(InstalmentTemplate? template)
    {
        _template = template;
        return this;
    }

    public GrantBuilder WithoutVerifiedBankDetails()
    {
        _bankVerified = false;
        return this;
    }

    /// <summary>One planned date per instalment, a quarter apart from the start.</summary>
    public static IReadOnlyList<DateOnly> PlannedDates(int count) => [.. Enumerable.Range(0, count).Select(i => Start.AddMonths(3 * i))];

    public Grant Build()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Approved).Build();
        var grant = Grant.Award(application, _amount, Start, End, 2026, 7, "Fatima Fund-Manager", Now);
        if (_template is not null)
        {
            grant.PlanInstalments(_template, PlannedDates(_template.Percentages.Count));
        }

        if (_bankVerified)
        {
            grant.RecordBankDetailsVerified("Femi Finance", Now.AddHours(-1));
        }

        if (_status == GrantStatus.AgreementPending)
        {
            return grant;
        }

        grant.RecordFundSignature(Today, "Fatima Fund-Manager", Now);
        grant.RecordOrganisationSignature(Today, "Fatima Fund-Manager", Now);
        switch (_status)
        {
            case GrantStatus.Suspended:
                grant.Suspend("Audit findings under review.", "Fatima Fund-Manager", Now);
                break;
            case GrantStatus.Closing:
                grant.BeginClosing("Fatima Fund-Manager");
                break;
            case GrantStatus.Closed:
                foreach (var instalment in grant.Instalments)
                {
                    grant.CancelInstalment(instalment.Id, "Project ended early.", "Fatima Fund-Manager", Now);
                }

                grant.BeginClosing("Fatima Fund-Manager");
                grant.Close(true, Money.Zero, "Fatima Fund-Manager", Now);
                break;
            case GrantStatus.AgreementPending:
            case GrantStatus.Active:
                break;
        }

        return grant.Status == _status
            ? grant
            : throw new InvalidOperationException($"The builder reached {grant.Status}, not {_status}.");
    }

    /// <summary>Requests the release of an instalment as the fund manager, with every report accepted.</summary>
    public static void Request(Grant grant, Instalment instalment) =>
        grant.RequestRelease(instalment.Id, AllReportsAccepted, [], FundManagerId, "Fatima Fund-Manager", [], Now);

    /// <summary>Approves a requested release as the finance officer.</summary>
    public static void Approve(Grant grant, Instalment instalment) =>
        grant.ApproveRelease(instalment.Id, FinanceOfficerId, "Femi Finance", [], Now);

    /// <summary>Records the payment of an approved instalment, for its amount, with <paramref name="reference"/>.</summary>
    public static LedgerEntry Pay(Grant grant, Instalment instalment, string reference) =>
        grant.RecordPayment(instalment.Id, instalment.Amount, Today, reference, FinanceOfficerId, "Femi Finance", [], Now);

    /// <summary>Takes an instalment from Planned to <paramref name="status"/>; OnHold is reached from <paramref name="heldFrom"/>.</summary>
    public static void Move(Grant grant, Instalment instalment, InstalmentStatus status, InstalmentStatus heldFrom = InstalmentStatus.Planned)
    {
        var through = status == InstalmentStatus.OnHold ? heldFrom : status;
        if (through is InstalmentStatus.Requested or InstalmentStatus.Approved or InstalmentStatus.Paid)
        {
            Request(grant, instalment);
        }

        if (through is InstalmentStatus.Approved or InstalmentStatus.Paid)
        {
            Approve(grant, instalment);
        }

        if (through == InstalmentStatus.Paid)
        {
            Pay(grant, instalment, $"PAY-{instalment.Number}");
        }

        if (status == InstalmentStatus.OnHold)
        {
            grant.PutInstalmentOnHold(instalment.Id, "Waiting for the bank's confirmation.", "Fatima Fund-Manager");
        }
        else if (status == InstalmentStatus.Cancelled)
        {
            grant.CancelInstalment(instalment.Id, "Activity dropped.", "Fatima Fund-Manager", Now);
        }

        if (instalment.Status != status)
        {
            throw new InvalidOperationException($"The builder reached {instalment.Status}, not {status}.");
        }
    }
}
