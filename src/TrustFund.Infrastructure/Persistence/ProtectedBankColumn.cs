using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="Organisation.Bank"/> encrypted at rest. EF Core maps the column <c>Bank</c> to a
/// shadow property holding the Data Protection ciphertext of the JSON document; the domain property
/// itself is not mapped. A context unprotects the column when an organisation is materialised
/// (<see cref="BankDetailsMaterializer"/>) and protects it again, with its own app's key ring, before
/// each save. Value converters cannot do this: they are part of the model, which EF Core shares
/// between every context of the process, while the key ring belongs to one app.
/// </summary>
internal sealed class ProtectedBankColumn
{
    /// <summary>The shadow property mapped to the column.</summary>
    public const string Property = "BankDetails";

    /// <summary>The column, named as before encryption (its type is unchanged: text).</summary>
    public const string Column = "Bank";

    private static readonly Action<Organisation, BankDetails?> SetBank =
        typeof(Organisation).GetProperty(nameof(Organisation.Bank), BindingFlags.Instance | BindingFlags.Public)!.SetMethod!
            .CreateDelegate<Action<Organisation, BankDetails?>>();

    private static readonly Action<Organisation, bool> SetUnreadable =
        typeof(Organisation).GetProperty(nameof(Organisation.BankDetailsUnreadable), BindingFlags.Instance | BindingFlags.Public)!.SetMethod!
            .CreateDelegate<Action<Organisation, bool>>();

    private readonly IDataProtectionProvider? _dataProtection;
    private IDataProtector? _protector;

    // What each organisation held when this context read or last sealed it, and whether the column
    // already holds ciphertext: an unchanged, already protected value is not protected again. Made on
    // first use: most contexts never touch an organisation, and each table brings a finalizer.
    private ConditionalWeakTable<Organisation, Sealed>? _sealed;

    public ProtectedBankColumn(IDataProtectionProvider? dataProtection)
    {
        _dataProtection = dataProtection;
    }

    private IDataProtector? Protector => _protector ??= _dataProtection?.CreateProtector(ProtectionPurposes.BankDetails);

    private ConditionalWeakTable<Organisation, Sealed> Known => _sealed ??= [];

    public static void Map(EntityTypeBuilder<Organisation> builder)
    {
        builder.Ignore(o => o.Bank);
        builder.Ignore(o => o.BankDetailsUnreadable);
        builder.Property<string?>(Property).HasColumnName(Column);
    }

    /// <summary>
    /// Gives a materialised organisation its bank details from the stored column value. A value that
    /// cannot be decrypted (key ring lost, value altered) or read leaves the organisation without bank
    /// details, marked <see cref="Organisation.BankDetailsUnreadable"/>, and logs an alert: every page
    /// still works, and the stored value is not overwritten until new details are entered.
    /// </summary>
    public void Load(Organisation organisation, string? stored, ILogger? logger = null)
    {
        BankDetails? bank = null;
        var unreadable = false;
        if (stored is not null)
        {
            var protector = Protector;
            if (ProtectedText.IsProtected(stored) && protector is null)
            {
                throw NoKeyRing();
            }

            try
            {
                var json = protector is null ? stored : ProtectedText.Reveal(protector, stored);
                bank = JsonSerializer.Deserialize<BankDetails>(json, JsonColumn.Options);
            }
            catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
            {
                unreadable = true;
                logger?.LogCritical(ex, "ALERT: the bank details of organisation {OrganisationId} cannot be decrypted or read (Data Protection key ring lost or value altered). They are shown as unreadable until the organisation enters them again.", organisation.Id);
            }
        }

        SetBank(organisation, bank);
        SetUnreadable(organisation, unreadable);
        Known.AddOrUpdate(organisation, new Sealed(bank, stored is null || unreadable || ProtectedText.IsProtected(stored)));
    }

    /// <summary>
    /// Before a save: writes the ciphertext of every tracked organisation whose bank details changed,
    /// or are still stored as plain text from before encryption.
    /// </summary>
    public void Seal(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<Organisation>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            var bank = entry.Entity.Bank;
            if (_sealed is not null && _sealed.TryGetValue(entry.Entity, out var known) && known.IsProtected && Equals(known.Bank, bank))
            {
                continue;
            }

            entry.Property<string?>(Property).CurrentValue = bank is null ? null : Protect(bank);
            Known.AddOrUpdate(entry.Entity, new Sealed(bank, true));
        }
    }

    private string Protect(BankDetails bank) =>
        (Protector ?? throw NoKeyRing()).Protect(JsonSerializer.Serialize(bank, JsonColumn.Options));

    private static InvalidOperationException NoKeyRing() => new(
        "Bank details are encrypted with ASP.NET Core Data Protection: this database context was created without an IDataProtectionProvider, so it cannot read or write them.");

    private sealed record Sealed(BankDetails? Bank, bool IsProtected);
}
