using TrustFund.Domain.Common;

namespace TrustFund.Application.Files;

/// <summary>Outcome of inspecting an upload: the recognised kind, or why it was refused.</summary>
public sealed record FileInspection(FileKind? Kind, LocalText? Text)
{
    public bool Accepted => Kind is not null;

    /// <summary>Why the file was refused, in English.</summary>
    public string? Problem => Text?.ToString();

    public static FileInspection Refused(LocalText problem) => new(null, problem);

    public static FileInspection Of(FileKind kind) => new(kind, null);
}
