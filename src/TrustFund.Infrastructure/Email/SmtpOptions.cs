namespace TrustFund.Infrastructure.Email;

/// <summary>Settings under <c>Email:Smtp</c>; SMTP is used when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
