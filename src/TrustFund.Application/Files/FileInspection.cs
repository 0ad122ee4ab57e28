namespace TrustFund.Application.Files;

/// <summary>Outcome of inspecting an upload: the recognised kind, or why it was refused.</summary>
public sealed record FileInspection(FileKind? Kind, string? Problem)
{
    public bool Accepted => Kind is not null;

    public static FileInspection Refused(string problem) => new(null, problem);

    public static FileInspection Of(FileKind kind) => new(kind, null);
}
