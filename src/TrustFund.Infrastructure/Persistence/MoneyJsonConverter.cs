using System.Text.Json;
using System.Text.Json.Serialization;
using TrustFund.Domain.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Writes <see cref="Money"/> in stored documents as its amount in US dollars (a JSON number).</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.FromStored(reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Amount);
}
