namespace TrustFund.Infrastructure.Email;

/// <summary>Settings under <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Sender address of every message.</summary>
    public string From { get; set; } = "TrustFund <no-reply@trustfund.test>";

    /// <summary>Folder for .eml files when no SMTP host is set; relative paths are under the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the dispatcher looks for messages to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;
}
