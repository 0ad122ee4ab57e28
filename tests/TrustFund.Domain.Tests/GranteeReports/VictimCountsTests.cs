using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>
/// The consistency rules of the victims' counts, each broken alone from a consistent report of 30
/// persons (see <see cref="ReportContents.ConsistentVictims"/>).
/// </summary>
[SetCulture("en-GB")]
public sealed class VictimCountsTests
{
    private static readonly VictimCounts Consistent = ReportContents.ConsistentVictims();

    [Test]
    public void Check_Consistent_HasNoViolation()
    {
        Assert.That(Consistent.Check(), Is.Empty);
    }

    [Test]
    public void Check_NothingToReport_IsConsistent()
    {
        Assert.That(VictimCounts.None.Check(), Is.Empty);
    }

    [Test]
    public void Check_SexAndAgeTableShortOfUniquePersons_SaysBothTotals()
    {
        var counts = Consistent with { BySexAndAge = [.. Consistent.BySexAndAge.Skip(1), new SexAgeCount(Sex.Female, AgeBand.Age18To24, 9)] };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("BySexAndAge", "The table by sex and age adds up to 29 persons, but 30 unique persons are reported: they must be equal."),
        }));
    }

    [Test]
    public void Check_OneAssistanceTypeAboveUniquePersons_NamesIt()
    {
        var counts = Consistent with { ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 20), new(AssistanceType.MedicalCare, 31)] };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("ByAssistanceType", "Medical care counts 31 persons, more than the 30 unique persons assisted."),
        }));
    }

    [Test]
    public void Check_AssistanceTypesAddingUpToFewerThanUniquePersons_SaysBothTotals()
    {
        // 10 + 10 + 9 = 29 < 30: someone counted as assisted received nothing.
        var counts = Consistent with
        {
            ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 10), new(AssistanceType.MedicalCare, 10), new(AssistanceType.Education, 9)],
        };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("ByAssistanceType", "Each of the 30 unique persons received at least one type of assistance, but the counts by type of assistance add up to only 29."),
        }));
    }

    [Test]
    public void Check_AssistanceTypesAddingUpToExactlyUniquePersons_IsConsistent()
    {
        var counts = Consistent with { ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 30)] };

        Assert.That(counts.Check(), Is.Empty);
    }

    [Test]
    public void Check_OneFormOfExploitationAboveUniquePersons_NamesIt()
    {
        var counts = Consistent with { ByExploitationForm = [new(ExploitationForm.ForcedOrChildMarriage, 31)] };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("ByExploitationForm", "Forced or child marriage counts 31 persons, more than the 30 unique persons assisted."),
        }));
    }

    [Test]
    public void Check_FormsOfExploitationAddingUpToFewerThanUniquePersons_IsAccepted()
    {
        // The form is not always established when a person is assisted: no lower bound on the sum.
        var counts = Consistent with { ByExploitationForm = [new(ExploitationForm.ForcedLabour, 5)] };

        Assert.That(counts.Check(), Is.Empty);
    }

    [Test]
    public void Check_NationalitiesShortOfUniquePersons_CountStatelessAndUnknown()
    {
        // 19 + 6 + 1 stateless + 3 unknown = 29.
        var counts = Consistent with { ByNationality = [new("566", 19), new("288", 6)] };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("ByNationality", "The counts by nationality (stateless and unknown included) add up to 29 persons, but 30 unique persons are reported: they must be equal."),
        }));
    }

    [Test]
    public void Check_NewAndContinuingNotAddingUp_SaysAllThree()
    {
        var counts = Consistent with { ContinuingPersons = 9 };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("NewPersons", "New (22) and continuing (9) persons add up to 31, but 30 unique persons are reported: they must be equal."),
        }));
    }

    [Test]
    public void Check_UniquePersonsChangedAlone_BreaksEveryTotalAtOnce()
    {
        // 31 unique: the table (30), assistance (LegalAid 30 is fine, sum 75 is fine), nationality (30), new+continuing (30).
        var counts = Consistent with { UniquePersons = 31 };

        Assert.That(counts.Check().Select(v => v.Field), Is.EqualTo(new[] { "BySexAndAge", "ByNationality", "NewPersons" }));
    }

    [Test]
    public void Check_NegativeCounts_AreEachNamedAndTotalsNotChecked()
    {
        var counts = Consistent with
        {
            BySexAndAge = [.. Consistent.BySexAndAge, new SexAgeCount(Sex.NonBinaryOrOther, AgeBand.Age60Plus, -1)],
            Stateless = -2,
        };

        Assert.That(counts.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("BySexAndAge", "The count of non-binary or other, 60+ must be a whole number from 0 to 10,000,000 (it is -1)."),
            new RuleViolation("Stateless", "The count of stateless persons must be a whole number from 0 to 10,000,000 (it is -2)."),
        }));
    }

    [Test]
    public void Check_AbsurdlyLargeCount_IsRefused()
    {
        var counts = Consistent with { NewPersons = VictimCounts.MaximumCount + 1 };

        Assert.That(counts.Check().Select(v => v.Field), Is.EqualTo(new[] { "NewPersons" }));
    }

    [Test]
    public void Check_CellGivenTwice_IsRefused()
    {
        var counts = Consistent with
        {
            BySexAndAge = [.. Consistent.BySexAndAge, new SexAgeCount(Sex.Female, AgeBand.Age18To24, 0)],
            ByExploitationForm = [.. Consistent.ByExploitationForm, new ExploitationFormCount(ExploitationForm.ForcedLabour, 0)],
            ByNationality = [.. Consistent.ByNationality, new NationalityCount("566", 0)],
        };

        Assert.That(counts.Check().Select(v => v.Message), Is.EqualTo(new[]
        {
            "Female, 18-24 is counted more than once.",
            "Forced labour is counted more than once.",
            "Nationality 566 is counted more than once.",
        }));
    }

    [TestCase("999")]
    [TestCase("002")] // Africa: a region, not a country
    [TestCase("NGA")] // an ISO code, not an M49 one
    public void Check_NationalityNotAnM49Country_IsRefused(string code)
    {
        var counts = Consistent with { ByNationality = [new("566", 20), new(code, 6)] };

        Assert.That(counts.Check(), Is.EqualTo(new[] { new RuleViolation("ByNationality", $"'{code}' is not a UN M49 country code.") }));
    }
}
