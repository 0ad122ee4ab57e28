using System.Net;
using TrustFund.Web.Hosting;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Localization;

/// <summary>The pseudo-localization culture: every text accented, about 40% longer and bracketed, its placeholders and markup intact.</summary>
public sealed class PseudoLocalizationTests
{
    [Test]
    public void Pseudo_AccentsLengthensAndBrackets_KeepingPlaceholdersAndMarkup()
    {
        const string english = "Save {0} of {1:N0} for <strong>later</strong>";

        var pseudo = Catalogue.Pseudo(english);

        Assert.Multiple(() =>
        {
            Assert.That(pseudo, Does.StartWith("[Šávé {0} öƒ {1:N0} ƒöŕ <strong>ĺáţéŕ</strong>"));
            Assert.That(pseudo, Does.EndWith("]"));
            Assert.That(pseudo.Length, Is.GreaterThanOrEqualTo((int)(english.Length * 1.4)));
            Assert.That(CatalogueKeys.Placeholders(pseudo), Is.EqualTo(CatalogueKeys.Placeholders(english)));
            Assert.That(string.Format(System.Globalization.CultureInfo.InvariantCulture, pseudo, "A", 1234), Does.Contain("A öƒ 1,234"));
        });
    }

    [Test]
    public async Task PseudoCulture_InDevelopment_EveryTextOfThePageIsPseudo()
    {
        using var app = await new TrustFundApp().StartAsync();
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", Catalogue.PseudoCulture);

        var (response, page) = await session.GetPageAsync("/Account/Login");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector(".skip-link")!.TextContent, Does.StartWith("[Šķíþ ţö ɱáíñ çöñţéñţ"));
            Assert.That(page.QuerySelectorAll("#language-choice option").Select(o => o.GetAttribute("value")), Has.Some.EqualTo(Catalogue.PseudoCulture).IgnoreCase);
        });
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void PseudoCulture_OutsideDevelopment_IsNotOffered(string environment)
    {
        var options = new Microsoft.AspNetCore.Builder.RequestLocalizationOptions();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        Features.Languages.Languages.Configure(options, configuration, new Environment(environment));

        Assert.That(options.SupportedUICultures!.Select(c => c.Name), Is.EqualTo(new[] { "en", "fr", "es", "ar" }));
    }

    private sealed class Environment(string name) : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = string.Empty;

        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();

        public string ApplicationName { get; set; } = "TrustFund.Web";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();

        public string ContentRootPath { get; set; } = string.Empty;

        public string EnvironmentName { get; set; } = name;
    }
}
