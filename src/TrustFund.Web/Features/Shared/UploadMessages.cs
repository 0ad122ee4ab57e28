using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Shared;

/// <summary>What an upload form says when a file did not arrive or was refused: the file by name, and what to do.</summary>
public static class UploadMessages
{
    /// <summary>The file did not arrive whole (too large, or the upload was cut off).</summary>
    public static string NotReceived(IStringLocalizer text, UploadForm form)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(form);
        return (form.Problem, form.FileName) switch
        {
            (UploadProblem.TooLarge or UploadProblem.RequestTooLarge, null) => text["The file is larger than 10 MB and was not uploaded. Make it smaller (for example, scan it at a lower resolution or save it as PDF), then choose it again and upload it."],
            (UploadProblem.TooLarge or UploadProblem.RequestTooLarge, _) => text["'{0}' is larger than 10 MB and was not uploaded. Make it smaller (for example, scan it at a lower resolution or save it as PDF), then choose it again and upload it.", form.ShownFileName],
            (_, null) => text["The upload did not finish, so the file was not received. Choose the file again and upload it."],
            _ => text["The upload of '{0}' did not finish, so it was not received. Choose '{0}' again and upload it.", form.ShownFileName],
        };
    }

    /// <summary>The file arrived but was refused; the reason follows this message.</summary>
    public static string NotUploaded(IStringLocalizer text, UploadForm form)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(form);
        return text["'{0}' was not uploaded.", form.ShownFileName];
    }
}
