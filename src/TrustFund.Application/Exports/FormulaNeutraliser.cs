namespace TrustFund.Application.Exports;

/// <summary>
/// Keeps exported text from being run as a formula by a spreadsheet (CSV or formula injection, OWASP):
/// text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a single
/// quote in front, so the spreadsheet shows it as text. Used by every export writer.
/// </summary>
public static class FormulaNeutraliser
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool IsHostile(string text) => text.Length > 0 && Array.IndexOf(Triggers, text[0]) >= 0;

    public static string Neutralise(string text) => IsHostile(text) ? "'" + text : text;
}
