using System.Globalization;

namespace TrustFund.Web.Features.Reviews;

/// <summary>Reading the reviewers' form values: enumeration names exactly as the forms write them, whole numbers.</summary>
public static class ReviewForms
{
    /// <summary>The member named <paramref name="value"/> (its exact name, never a number or a list).</summary>
    public static T? Named<T>(string? value)
        where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;

    public static bool IsNamed<T>(string? value)
        where T : struct, Enum => Named<T>(value) is not null;

    /// <summary>A whole number written with digits (and an optional minus sign); null otherwise.</summary>
    public static int? WholeNumber(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
