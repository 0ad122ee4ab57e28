using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Organisations;

public sealed class OrganisationLifecycleTests
{
    private const string Reason = "  Documents do not match the registry.  ";
    private static readonly DateTime Now = new(2026, 2, 3, 14, 0, 0, DateTimeKind.Utc);

    public enum Move
    {
        Verify,
        Reject,
        Suspend,
    }

    /// <summary>Every status and move, with where the move leads (null when it is illegal).</summary>
    private static IEnumerable<TestCaseData> EveryMove()
    {
        var legal = new Dictionary<(OrganisationStatus, Move), OrganisationStatus>
        {
            [(OrganisationStatus.PendingVerification, Move.Verify)] = OrganisationStatus.Verified,
            [(OrganisationStatus.PendingVerification, Move.Reject)] = OrganisationStatus.Rejected,
            [(OrganisationStatus.Verified, Move.Suspend)] = OrganisationStatus.Suspended,
            [(OrganisationStatus.Suspended, Move.Verify)] = OrganisationStatus.Verified,
            [(OrganisationStatus.Rejected, Move.Verify)] = OrganisationStatus.Verified,
        };
        foreach (var status in Enum.GetValues<OrganisationStatus>())
        {
            foreach (var move in Enum.GetValues<Move>())
            {
                OrganisationStatus? to = legal.TryGetValue((status, move), out var target) ? target : null;
                yield return new TestCaseData(status, move, to).SetArgDisplayNames(status.ToString(), move.ToString(), to?.ToString() ?? "illegal");
            }
        }
    }

    private static IEnumerable<TestCaseData> LegalMoves() => EveryMove().Where(c => c.Arguments[2] is not null);

    private static IEnumerable<TestCaseData> IllegalMoves() => EveryMove().Where(c => c.Arguments[2] is null);

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheTargetStatusAndRecordsWhenAndWhy(OrganisationStatus from, Move move, OrganisationStatus? to)
    {
        var organisation = OrganisationBuilder.AnOrganisation().In(from).Build();

        Apply(organisation, move, Reason);

        Assert.Multiple(() =>
        {
            Assert.That(organisation.Status, Is.EqualTo(to));
            Assert.That(organisation.StatusChangedAtUtc, Is.EqualTo(Now));
            Assert.That(organisation.StatusReason, move == Move.Verify ? Is.Null : Is.EqualTo(Reason.Trim()));
        });
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(OrganisationStatus from, Move move, OrganisationStatus? to)
    {
        var organisation = OrganisationBuilder.AnOrganisation().In(from).Build();
        var reasonBefore = organisation.StatusReason;
        var changedBefore = organisation.StatusChangedAtUtc;

        var error = Assert.Throws<DomainException>(() => Apply(organisation, move, Reason))!;

        Assert.Multiple(() =>
        {
            Assert.That(to, Is.Null);
            Assert.That(error.Code, Is.EqualTo("organisation.illegal-transition"));
            Assert.That(error.Message, Is.EqualTo($"An organisation that is {Words(from)} cannot be {Participle(move)}."));
            Assert.That(organisation.Status, Is.EqualTo(from));
            Assert.That(organisation.StatusReason, Is.EqualTo(reasonBefore));
            Assert.That(organisation.StatusChangedAtUtc, Is.EqualTo(changedBefore));
        });
    }

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(Organisation.Transitions, Is.EquivalentTo(new[]
        {
            (OrganisationStatus.PendingVerification, "Verified", OrganisationStatus.Verified),
            (OrganisationStatus.PendingVerification, "Rejected", OrganisationStatus.Rejected),
            (OrganisationStatus.Verified, "Suspended", OrganisationStatus.Suspended),
            (OrganisationStatus.Suspended, "Verified", OrganisationStatus.Verified),
            (OrganisationStatus.Rejected, "Verified", OrganisationStatus.Verified),
            (OrganisationStatus.Verified, "SentBackForVerification", OrganisationStatus.PendingVerification),
        }));
    }

    [TestCase(Move.Reject, null)]
    [TestCase(Move.Reject, "")]
    [TestCase(Move.Reject, "   ")]
    [TestCase(Move.Suspend, null)]
    [TestCase(Move.Suspend, "")]
    [TestCase(Move.Suspend, "\t\n")]
    public void Move_WithoutReason_IsRefusedAndChangesNothing(Move move, string? reason)
    {
        var from = move == Move.Reject ? OrganisationStatus.PendingVerification : OrganisationStatus.Verified;
        var organisation = OrganisationBuilder.AnOrganisation().In(from).Build();

        var error = Assert.Throws<DomainException>(() => Apply(organisation, move, reason!))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("organisation.reason-required"));
            Assert.That(error.Message, Is.EqualTo("Give a reason."));
            Assert.That(organisation.Status, Is.EqualTo(from));
        });
    }

    [Test]
    public void Verify_SuspendedOrganisation_ClearsTheSuspensionReason()
    {
        var organisation = OrganisationBuilder.AnOrganisation().In(OrganisationStatus.Suspended).Build();
        Assert.That(organisation.StatusReason, Is.Not.Null);

        organisation.Verify(Now);

        Assert.Multiple(() =>
        {
            Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.Verified));
            Assert.That(organisation.StatusReason, Is.Null);
        });
    }

    [TestCase(OrganisationStatus.PendingVerification)]
    [TestCase(OrganisationStatus.Verified)]
    [TestCase(OrganisationStatus.Rejected)]
    [TestCase(OrganisationStatus.Suspended)]
    public void Builder_AnyStatus_BuildsAnOrganisationInThatStatus(OrganisationStatus status)
    {
        Assert.That(OrganisationBuilder.AnOrganisation().In(status).Build().Status, Is.EqualTo(status));
    }

    private static void Apply(Organisation organisation, Move move, string reason)
    {
        switch (move)
        {
            case Move.Verify:
                organisation.Verify(Now);
                break;
            case Move.Reject:
                organisation.Reject(reason, Now);
                break;
            case Move.Suspend:
                organisation.Suspend(reason, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    private static string Participle(Move move) => move switch
    {
        Move.Verify => "verified",
        Move.Reject => "rejected",
        Move.Suspend => "suspended",
    };

    private static string Words(OrganisationStatus status) => status switch
    {
        OrganisationStatus.PendingVerification => "pending verification",
        OrganisationStatus.Verified => "verified",
        OrganisationStatus.Rejected => "rejected",
        OrganisationStatus.Suspended => "suspended",
    };
}
