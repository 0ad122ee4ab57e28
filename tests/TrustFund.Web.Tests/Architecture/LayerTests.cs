using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Infrastructure.Persistence;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace TrustFund.Web.Tests.Architecture;

/// <summary>
/// The layers' dependency rules: Domain depends on nothing outside itself, Application on nothing above
/// it, and Web never reaches the database through EF Core or the DbContext (it sends use cases).
/// </summary>
public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly DomainAssembly = typeof(Call).Assembly;
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(IUseCases).Assembly;
    private static readonly System.Reflection.Assembly InfrastructureAssembly = typeof(TrustFundDbContext).Assembly;
    private static readonly System.Reflection.Assembly WebAssembly = typeof(Program).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Layers =
        new ArchLoader().LoadAssemblies(DomainAssembly, ApplicationAssembly, InfrastructureAssembly, WebAssembly).Build();

    [Test]
    public void Domain_ReferencesOnlyTheRuntime()
    {
        var outside = DomainAssembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"))
            .ToList();

        Assert.That(outside, Is.Empty, "The domain must not reference packages or other layers.");
    }

    [Test]
    public void Domain_DependsOnNoOtherLayer()
    {
        Types().That().ResideInAssembly(DomainAssembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(ApplicationAssembly)
                .Or().ResideInAssembly(InfrastructureAssembly)
                .Or().ResideInAssembly(WebAssembly))
            .Check(Layers);
    }

    [Test]
    public void Application_DependsNeitherOnInfrastructureNorOnWeb()
    {
        var references = ApplicationAssembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.That(references, Does.Not.Contain(InfrastructureAssembly.GetName().Name).And.Not.Contain(WebAssembly.GetName().Name));

        Types().That().ResideInAssembly(ApplicationAssembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(InfrastructureAssembly).Or().ResideInAssembly(WebAssembly))
            .Check(Layers);
    }

    [Test]
    public void Web_NamesNeitherTheDbContextNorEntityFrameworkCore()
    {
        Types().That().ResideInAssembly(WebAssembly)
            .Should().NotDependOnAny(Types(true).That().ResideInNamespaceMatching(@"^Microsoft\.EntityFrameworkCore(\..*)?$"))
            .AndShould().NotDependOnAny(typeof(TrustFundDbContext), typeof(ITrustFundDb))
            .Check(Layers);
    }
}
