using System.Reflection;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Tests.Accounts;

public sealed class CapabilitiesTests
{
    private static IEnumerable<string> DeclaredCapabilities() => ConstantsOf(typeof(Capabilities));

    [TestCaseSource(nameof(DeclaredCapabilities))]
    public void RolesFor_EveryDeclaredCapability_IsHeldByAtLeastOneExistingRole(string capability)
    {
        Assert.That(Capabilities.RolesFor.TryGetValue(capability, out var roles), Is.True, $"{capability} is not mapped to any role");
        Assert.Multiple(() =>
        {
            Assert.That(roles, Is.Not.Empty);
            Assert.That(roles, Is.Unique);
            Assert.That(roles, Is.SubsetOf(Roles.All), "every role named exists");
        });
    }

    [Test]
    public void RolesFor_Keys_AreExactlyTheDeclaredCapabilities()
    {
        Assert.That(Capabilities.RolesFor.Keys, Is.EquivalentTo(DeclaredCapabilities()));
    }

    [Test]
    public void RolesFor_EveryRole_HoldsAtLeastOneCapability()
    {
        var held = Capabilities.RolesFor.Values.SelectMany(r => r).Distinct();

        Assert.That(held, Is.EquivalentTo(Roles.All));
    }

    [Test]
    public void RolesFor_ApplicantCapability_IsHeldByNoStaffRole()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Capabilities.RolesFor[Capabilities.ActAsApplicant], Is.EquivalentTo(new[] { Roles.Applicant }));
            foreach (var (capability, roles) in Capabilities.RolesFor.Where(c => c.Key != Capabilities.ActAsApplicant))
            {
                Assert.That(roles, Has.No.Member(Roles.Applicant), $"applicants must not hold {capability}");
            }
        });
    }

    [Test]
    public void All_ListsEveryDeclaredRoleOnce()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Roles.All, Is.Unique);
            Assert.That(Roles.All, Is.EquivalentTo(ConstantsOf(typeof(Roles))));
        });
    }

    [Test]
    public void Staff_IsEveryRoleExceptApplicant()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Roles.Staff, Has.No.Member(Roles.Applicant));
            Assert.That(Roles.Staff, Is.Unique);
            Assert.That(Roles.Staff.Append(Roles.Applicant), Is.EquivalentTo(Roles.All));
        });
    }

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}
