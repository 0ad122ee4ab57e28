using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Stores an immutable document (a record) as JSON text, the same way on every engine. Enums are
/// written by name so stored documents stay readable and survive reordering of enum members; money
/// as its amount in US dollars.
/// </summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(), new MoneyJsonConverter() },
        WriteIndented = false,
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class?
    {
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                v => Serialize(v).GetHashCode(StringComparison.Ordinal),
                v => v));
        return property;
    }

    private static string Serialize<T>(T? value) => value is null ? string.Empty : JsonSerializer.Serialize(value, Options);
}
