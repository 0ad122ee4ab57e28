using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Protection;

/// <summary>
/// ASP.NET Core Data Protection for every instance of the app: one key ring in the database (table
/// <c>DataProtectionKeys</c>), shared by all instances, and encrypted with a certificate when
/// <c>DataProtection:CertificatePath</c> is set. Certificates listed in
/// <c>DataProtection:PreviousCertificates</c> still decrypt keys written before a certificate rotation.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddTrustFundDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("TrustFund")
            .PersistKeysToDbContext<TrustFundDbContext>();

        var section = configuration.GetSection(Section);
        var current = Load(section["CertificatePath"], section["CertificatePassword"], environment, $"{Section}:CertificatePath");
        if (current is not null)
        {
            var previous = section.GetSection("PreviousCertificates").GetChildren()
                .Select((c, i) => Load(c["Path"], c["Password"], environment, $"{Section}:PreviousCertificates:{i}:Path"))
                .OfType<X509Certificate2>();
            builder.ProtectKeysWithCertificate(current)
                .UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        return services;
    }

    private static X509Certificate2? Load(string? path, string? password, IHostEnvironment environment, string setting)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path, environment.ContentRootPath);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"The Data Protection certificate named in {setting} does not exist: {full}.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The Data Protection certificate named in {setting} has no private key: use a PKCS#12 (.pfx) file that holds it.");
    }
}
