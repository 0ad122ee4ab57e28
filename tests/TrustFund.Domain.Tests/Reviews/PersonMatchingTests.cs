using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;

namespace TrustFund.Domain.Tests.Reviews;

public class PersonMatchingTests
{
    private static readonly OrganisationOfficer[] Officers =
    [
        new("María José García-López", "Chair of the board", "mj.garcia@casa-esperanza.example"),
        new("Nguyễn Thị Lan", "Treasurer", ""),
        new("محمد العلي", "Director", "director@example.org"),
    ];

    [TestCase("maria jose garcia lopez")]
    [TestCase("GARCÍA-LÓPEZ, María José")]
    [TestCase("Lopez Garcia Maria Jose")]
    public void Names_match_ignoring_case_accents_punctuation_and_order(string name)
    {
        var matches = PersonMatching.Matches(name, "someone@else.example", Officers);

        Assert.That(matches, Is.EqualTo(new[] { new OfficerMatch("María José García-López", "Chair of the board", OfficerMatchKind.SameName) }));
    }

    [Test]
    public void Emails_match_ignoring_case()
    {
        var matches = PersonMatching.Matches("Somebody Else", "MJ.Garcia@Casa-Esperanza.example", Officers);

        Assert.That(matches, Is.EqualTo(new[] { new OfficerMatch("María José García-López", "Chair of the board", OfficerMatchKind.SameEmail) }));
    }

    [Test]
    public void SameNameAndEmail_IsOneMatch_AndAnOfficerWithoutPosition_HasNone()
    {
        OrganisationOfficer[] officers = [new(" Mei Lin ", "  ", "mei.lin@example.org"), new("Awa Ndiaye", "Executive director", "awa@example.org")];

        var matches = PersonMatching.Matches("Lin Mei", "Mei.Lin@Example.org", officers);

        Assert.That(matches, Is.EqualTo(new[] { new OfficerMatch("Mei Lin", null, OfficerMatchKind.SameNameAndEmail) }));
    }

    [Test]
    public void Names_in_other_scripts_match_and_different_people_do_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PersonMatching.Matches("nguyen thi lan", null, Officers), Has.Count.EqualTo(1));
            Assert.That(PersonMatching.Matches("محمد العلي", null, Officers), Has.Count.EqualTo(1));
            Assert.That(PersonMatching.Matches("María García", "maria@other.example", Officers), Is.Empty, "a part of a name is not the name");
            Assert.That(PersonMatching.Matches("", "", Officers), Is.Empty, "nothing matches nothing");
        });
    }
}
