using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Web.Features.Applications;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hosting;

/// <summary>
/// The manifests in deploy/kubernetes: each read strictly into the Kubernetes client's typed models
/// (an unknown or misspelled field fails), then checked against each other and against the app:
/// names, labels, ports, probe paths, Secret keys and setting names.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string[] ProcessVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "MALLOC_ARENA_MAX"];

    private static List<object> Manifests { get; } = LoadAll();

    private static V1Deployment Deployment => Manifests.OfType<V1Deployment>().Single();

    private static V1Container Web => Deployment.Spec.Template.Spec.Containers.Single();

    [Test]
    public void Manifests_LoadStrictlyAsTypedKubernetesObjects()
    {
        var kinds = Manifests.Select(m => ((IKubernetesObject)m).Kind).Order(StringComparer.Ordinal).ToList();

        Assert.That(kinds, Is.EqualTo(new[]
        {
            "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "PodDisruptionBudget", "Secret", "Secret", "Service",
        }));
    }

    [Test]
    public void StrictLoading_RefusesAMisspelledField()
    {
        var text = File.ReadAllText(DeploymentFiles.PathOf("deploy", "kubernetes", "deployment.yaml"))
            .Replace("readinessProbe:", "readinesProbe:", StringComparison.Ordinal);

        Assert.That(() => KubernetesYaml.LoadAllFromString(text, strict: true), Throws.Exception);
    }

    [Test]
    public void Deployment_RunsAtLeastTwoNonRootInstancesThatNeverMigrate()
    {
        var environment = Web.Env.ToDictionary(e => e.Name, e => e.Value);

        Assert.Multiple(() =>
        {
            Assert.That(Deployment.Spec.Replicas, Is.GreaterThanOrEqualTo(2));
            Assert.That(Deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value, Is.EqualTo("0"));
            Assert.That(Deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot, Is.True);
            Assert.That(Deployment.Spec.Template.Spec.SecurityContext.RunAsUser, Is.EqualTo(ContainerfileTests.ImageUser()));
            Assert.That(environment["Database__MigrateOnStartup"], Is.EqualTo("false"));
            Assert.That(environment["MALLOC_ARENA_MAX"], Is.EqualTo("2"));
        });
    }

    [Test]
    public void Service_SelectsTheDeploymentsPodsOnTheAppsPort()
    {
        var service = Manifests.OfType<V1Service>().Single();
        var port = Web.Ports.Single();
        var podLabels = Deployment.Spec.Template.Metadata.Labels;

        Assert.Multiple(() =>
        {
            Assert.That(service.Spec.Selector, Is.SubsetOf(podLabels));
            Assert.That(Deployment.Spec.Selector.MatchLabels, Is.SubsetOf(podLabels));
            Assert.That(service.Spec.Ports.Single().TargetPort.Value, Is.EqualTo(port.Name));
            Assert.That(port.ContainerPort, Is.EqualTo(ContainerfileTests.ImagePort()));
            Assert.That(Web.Env.Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value, Is.EqualTo(port.ContainerPort.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Ingress_RoutesToTheServicePortAndAllowsTheAppsLimits()
    {
        var ingress = Manifests.OfType<V1Ingress>().Single();
        var service = Manifests.OfType<V1Service>().Single();
        var backend = ingress.Spec.Rules.Single().Http.Paths.Single().Backend.Service;
        var annotations = ingress.Metadata.Annotations;
        var pdf = new PdfSettings();

        Assert.Multiple(() =>
        {
            Assert.That(backend.Name, Is.EqualTo(service.Metadata.Name));
            Assert.That(backend.Port.Name, Is.EqualTo(service.Spec.Ports.Single().Name));
            Assert.That(MegabytesOf(annotations["nginx.ingress.kubernetes.io/proxy-body-size"]) * 1024 * 1024, Is.GreaterThanOrEqualTo(ApplicationAttachmentsController.UploadRequestLimit));
            Assert.That(
                TimeSpan.FromSeconds(int.Parse(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], CultureInfo.InvariantCulture)),
                Is.GreaterThanOrEqualTo(pdf.QueueTimeout + pdf.RenderTimeout));
        });
    }

    [Test]
    public async Task Probes_AskTheAppsHealthEndpointsOnItsPort()
    {
        var port = Web.Ports.Single().Name;
        await using var app = await new TrustFundApp().StartAsync();
        using var session = app.NewSession();

        var ready = await session.GetAsync(Web.ReadinessProbe.HttpGet.Path);
        var live = await session.GetAsync(Web.LivenessProbe.HttpGet.Path);

        Assert.Multiple(() =>
        {
            Assert.That(Web.ReadinessProbe.HttpGet.Path, Is.EqualTo("/health/ready"));
            Assert.That(Web.LivenessProbe.HttpGet.Path, Is.EqualTo("/health/live"));
            Assert.That(Web.StartupProbe.HttpGet.Path, Is.EqualTo("/health/live"));
            Assert.That(new[] { Web.ReadinessProbe, Web.LivenessProbe, Web.StartupProbe }.Select(p => p.HttpGet.Port.Value), Is.All.EqualTo(port));
            Assert.That((int)ready.StatusCode, Is.EqualTo(200));
            Assert.That((int)live.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public void SecretAndConfigMapReferences_NameKeysThatExist()
    {
        var secrets = Manifests.OfType<V1Secret>().ToDictionary(
            s => s.Metadata.Name,
            s => (s.Data?.Keys ?? []).Concat(s.StringData?.Keys ?? []).ToHashSet(StringComparer.Ordinal));
        var configMaps = Manifests.OfType<V1ConfigMap>().Select(c => c.Metadata.Name).ToList();
        var pods = new[] { Deployment.Spec.Template.Spec, Manifests.OfType<V1Job>().Single().Spec.Template.Spec };
        var containers = pods.SelectMany(p => p.Containers).ToList();

        var keyReferences = containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null)
            .Select(e => (e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key))
            .Concat(pods.SelectMany(p => p.Volumes ?? []).Where(v => v.Secret is not null)
                .SelectMany(v => v.Secret.Items.Select(i => (v.Secret.SecretName, i.Key))))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(keyReferences, Has.Count.GreaterThanOrEqualTo(4));
            foreach (var (name, key) in keyReferences)
            {
                Assert.That(secrets.TryGetValue(name, out var keys) && keys.Contains(key), Is.True, $"Secret {name} has no key {key}");
            }

            Assert.That(containers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.ConfigMapRef.Name), Is.SubsetOf(configMaps));
            Assert.That(Web.VolumeMounts.Select(m => m.Name), Is.SubsetOf(Deployment.Spec.Template.Spec.Volumes.Select(v => v.Name)));
            var certificatePath = Web.Env.Single(e => e.Name == "DataProtection__CertificatePath").Value;
            var mount = Web.VolumeMounts.Single(m => m.Name == "data-protection");
            var file = Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name).Secret.Items.Single().Path;
            Assert.That(certificatePath, Is.EqualTo($"{mount.MountPath}/{file}"));
        });
    }

    [Test]
    public void SettingNames_AreTheAppsDocumentedSettings()
    {
        var documented = File.ReadAllText(DeploymentFiles.PathOf("docs", "operations.md"));
        var names = Web.Env.Select(e => e.Name)
            .Concat(Manifests.OfType<V1Job>().Single().Spec.Template.Spec.Containers.SelectMany(c => c.Env).Select(e => e.Name))
            .Concat(Manifests.OfType<V1ConfigMap>().Single().Data.Keys)
            .Where(n => !ProcessVariables.Contains(n))
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("ConnectionStrings__TrustFund"));
            foreach (var name in names)
            {
                // Section__Key is Section:Key; a trailing __0 is an array element of the setting.
                var setting = ArrayIndex().Replace(name, string.Empty).Replace("__", ":", StringComparison.Ordinal);
                Assert.That(documented, Does.Contain($"`{setting}`"), $"{name} is not a setting documented in docs/operations.md");
            }
        });
    }

    [Test]
    public void MigrationJob_RunsABundleTheImageBuildsWithTheAppsConnectionString()
    {
        var job = Manifests.OfType<V1Job>().Single().Spec.Template.Spec.Containers.Single();
        var containerfile = File.ReadAllText(DeploymentFiles.PathOf("deploy", "Containerfile"));
        var bundle = job.Command.Single();

        Assert.Multiple(() =>
        {
            Assert.That(bundle, Does.StartWith("/app/"));
            Assert.That(containerfile, Does.Contain("--output /out" + bundle));
            Assert.That(containerfile, Does.Contain("--project migrations/TrustFund.Migrations.PostgreSql"));
            Assert.That(Manifests.OfType<V1ConfigMap>().Single().Data["Database__Provider"], Is.EqualTo("PostgreSql"));
            Assert.That(job.Args, Is.EqualTo(new[] { "--connection", "$(ConnectionStrings__TrustFund)" }));
            Assert.That(job.Env.Select(e => e.Name), Does.Contain("ConnectionStrings__TrustFund"));
            Assert.That(job.Image, Is.EqualTo(Web.Image));
        });
    }

    [Test]
    public void DisruptionBudgetAndAutoscaler_KeepTwoInstancesOfTheDeployment()
    {
        var budget = Manifests.OfType<V1PodDisruptionBudget>().Single();
        var autoscaler = Manifests.OfType<V2HorizontalPodAutoscaler>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(budget.Spec.Selector.MatchLabels, Is.SubsetOf(Deployment.Spec.Template.Metadata.Labels));
            Assert.That(int.Parse(budget.Spec.MinAvailable.Value, CultureInfo.InvariantCulture), Is.LessThan(Deployment.Spec.Replicas!.Value));
            Assert.That(autoscaler.Spec.ScaleTargetRef.Name, Is.EqualTo(Deployment.Metadata.Name));
            Assert.That(autoscaler.Spec.ScaleTargetRef.Kind, Is.EqualTo(Deployment.Kind));
            Assert.That(autoscaler.Spec.MinReplicas, Is.GreaterThanOrEqualTo(2));
            Assert.That(autoscaler.Spec.MaxReplicas, Is.GreaterThan(autoscaler.Spec.MinReplicas!.Value));
            Assert.That(Web.Resources.Requests.ContainsKey("cpu"), Is.True, "the autoscaler's CPU utilisation needs a CPU request");
        });
    }

    [Test]
    public void Resources_CoverTheMeasuredPeakMemory()
    {
        // docs/performance.md: one instance peaked at 321 to 329 MB in the benchmark at large scale.
        const decimal measuredPeak = 329m * 1000 * 1000;
        var request = Web.Resources.Requests["memory"].ToDecimal();
        var limit = Web.Resources.Limits["memory"].ToDecimal();

        Assert.Multiple(() =>
        {
            Assert.That(request, Is.GreaterThan(measuredPeak));
            Assert.That(limit, Is.GreaterThanOrEqualTo(2 * request));
        });
    }

    [Test]
    public async Task ForwardedHeaderSettings_MakeTheAppBelieveTheIngressController()
    {
        var settings = Manifests.OfType<V1ConfigMap>().Single().Data
            .Where(s => s.Key.StartsWith("ForwardedHeaders__", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        var network = System.Net.IPNetwork.Parse(settings["ForwardedHeaders:KnownNetworks:0"]!);
        var controller = network.BaseAddress.GetAddressBytes();
        controller[^1] = 7;
        await using var app = await new TrustFundApp(settings) { ConnectionAddress = new System.Net.IPAddress(controller) }.StartAsync();
        using var session = app.NewSession();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var direct = app.NewSession();

        var response = await session.Client.SendAsync(request);
        var plain = await direct.GetAsync("/Account/Login");

        Assert.Multiple(() =>
        {
            // Cookies are marked Secure when the scheme the controller saw is https.
            Assert.That(response.Headers.GetValues("Set-Cookie"), Has.Some.Contains("secure"));
            Assert.That(plain.Headers.GetValues("Set-Cookie"), Has.None.Contains("secure"));
        });
    }

    private static decimal MegabytesOf(string size) =>
        size.EndsWith('m')
            ? decimal.Parse(size[..^1], CultureInfo.InvariantCulture)
            : throw new FormatException($"Expected a size in megabytes such as 13m, not {size}.");

    private static List<object> LoadAll() =>
        [.. Directory.GetFiles(DeploymentFiles.PathOf("deploy", "kubernetes"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => KubernetesYaml.LoadAllFromString(File.ReadAllText(file), strict: true))];

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ArrayIndex();
}
