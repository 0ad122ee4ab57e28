using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Shared;

/// <summary>Turns a refused use case into the page's error summary: each problem localized and tied to its field.</summary>
public static class Outcomes
{
    /// <summary>
    /// Adds each problem, translated, to the field <paramref name="fieldOf"/> names (the form's name for
    /// the use case's field); problems of the whole request go to <paramref name="generalField"/>
    /// (the summary's top when empty).
    /// </summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, IStringLocalizer text, Func<string, string>? fieldOf = null, string generalField = "")
    {
        foreach (var problem in problems)
        {
            var field = problem.Field.Length == 0 ? generalField : fieldOf?.Invoke(problem.Field) ?? problem.Field;
            modelState.AddModelError(field, Message(problem, text));
        }
    }

    /// <summary>Adds why the use case ended without saving: its problems, or who changed the record meanwhile.</summary>
    public static void AddOutcome<T>(this ModelStateDictionary modelState, Outcome<T> outcome, IStringLocalizer text, Func<string, string>? fieldOf = null, string generalField = "")
    {
        if (outcome.Stale is { } stale)
        {
            modelState.AddModelError(generalField, StaleMessage(stale, text));
        }

        modelState.AddProblems(outcome.Problems, text, fieldOf, generalField);
    }

    /// <summary>The problem's message in the visitor's language, its placeholders filled (see <see cref="Text"/>).</summary>
    public static string Message(Problem problem, IStringLocalizer text) => Text(problem.Text, text);

    /// <summary>
    /// A domain text in the visitor's language: its template and those of nested texts translated,
    /// numbers and dates in the culture's formats, amounts as the pages write them ("USD 50 000,00"),
    /// and on a right-to-left page each argument that is not a nested text between isolates
    /// (U+2068 … U+2069) so that a reference, a name or a number keeps its own direction.
    /// </summary>
    public static string Text(LocalText localText, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Text(localText, key => text[key].Value);
    }

    /// <summary>A domain text in the visitor's language, for views (see the other overload).</summary>
    public static string Text(LocalText localText, IHtmlLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Text(localText, key => text.GetString(key).Value);
    }

    private static string Text(LocalText localText, Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(localText);
        Func<string, string>? isolate = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? Isolate : null;
        return localText.Format(CultureInfo.CurrentCulture, translate, isolate);
    }

    private static string Isolate(string argument) => "\u2068" + argument + "\u2069";

    /// <summary>"manager@… changed this on 2 March 2026, 09:00 UTC, after you opened this page…": what a stale edit tells the person.</summary>
    public static string StaleMessage(StaleEdit stale, IStringLocalizer text) =>
        stale is { ChangedBy: { } who, ChangedAtUtc: { } when }
            ? text["{0} changed this on {1} UTC, after you opened this page. Your changes were not saved: they are shown below. Check them and save again.", who, DateTime.SpecifyKind(when, DateTimeKind.Utc).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture)].Value
            : text["Someone else changed this after you opened this page. Your changes were not saved: they are shown below. Check them and save again."].Value;
}
