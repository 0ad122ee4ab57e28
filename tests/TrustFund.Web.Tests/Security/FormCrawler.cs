using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Signs in as every role, fetches every GET page the app maps (route values from <see cref="RouteSamples"/>)
/// and collects each &lt;form method=post&gt; found, so tests cover forms nobody listed.
/// </summary>
public sealed class FormCrawler : IDisposable
{
    public const string Anonymous = "Anonymous";

    /// <summary>A visitor who gave the password of <see cref="SigningInEmail"/> and now sees the sign-in code pages.</summary>
    public const string SigningIn = "SigningIn";
    private const string TokenName = "__RequestVerificationToken";

    private static readonly string[] TextTypes = ["text", "email", "search", "tel", "url", "number", "date", "datetime-local", "month", "week", "time", "hidden"];

    // Wrong passwords and codes count towards lockout: the one change a refused sign-in makes to its account.
    private static readonly string[] SignInFailureColumns = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"];

    // The sign-in code pages, reached only between the password and the code.
    private static readonly string[] SigningInPages = ["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    /// <summary>Demo account signed in for each identity (the anonymous visitor has none).</summary>
    public static readonly (string Identity, string? Email)[] Identities =
    [
        (Anonymous, null),
        (Roles.Applicant, "applicant@trustfund.test"),
        (Roles.Reviewer, "reviewer@trustfund.test"),
        (Roles.FundManager, "manager@trustfund.test"),
        (Roles.FinanceOfficer, "finance@trustfund.test"),
        (Roles.Administrator, "admin@trustfund.test"),
    ];

    // Actions whose success ends the session or removes the record the other forms are about: run last.
    private static readonly string[] SessionEndingActions = ["/Logout", "/SignOutEverywhere", "/TwoFactor/Reset", "/TwoFactor/Disable", "/TwoFactor/RecoveryCodes"];
    private static readonly string[] EndingActions = ["/Delete", "/Remove", "/Withdraw", "/Submit", "/Deactivate", "/Suspend", "/Reject", "/Close", "/Verify", "/Publish"];

    private readonly TrustFundApp _app;
    private readonly Dictionary<string, TestSession> _sessions = [];
    private readonly Dictionary<string, string> _tokens = [];
    private Microsoft.Data.Sqlite.SqliteConnection? _watch;

    public FormCrawler(TrustFundApp app, RouteSamples samples)
    {
        _app = app;
        Samples = samples;
    }

    public RouteSamples Samples { get; }

    /// <summary>Pages of records in other states (a deactivated user, a draft call...), fetched as the identity given.</summary>
    public List<(string Identity, string Url)> OtherPages { get; } = [];

    /// <summary>An account with two-factor sign-in: when set, the <see cref="SigningIn"/> visitor's code pages are crawled too.</summary>
    public string? SigningInEmail { get; set; }

    /// <summary>Every page fetched: identity and URL.</summary>
    public List<(string Identity, string Url)> Pages { get; } = [];

    public async Task<TestSession> SessionAsync(string identity)
    {
        if (!_sessions.TryGetValue(identity, out var session))
        {
            if (identity == SigningIn)
            {
                session = _app.NewSession();
                var password = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = SigningInEmail!, ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });
                if (!TestSession.IsRedirectTo(password, "/Account/LoginWith2fa"))
                {
                    throw new InvalidOperationException($"The password step of {SigningInEmail} did not lead to the code page: {(int)password.StatusCode} {password.Headers.Location}");
                }
            }
            else
            {
                var email = Identities.Single(i => i.Identity == identity).Email;
                session = email is null ? _app.NewSession() : await _app.SignInAsync(email);
            }

            _sessions[identity] = session;
        }

        return session;
    }

    /// <summary>The pages the identity is shown: every GET endpoint with sample values, plus its pages of records in other states.</summary>
    public List<string> PagesOf(string identity) =>
        identity == SigningIn
            ? [.. SigningInPages]
            : [.. GetPages().Concat(OtherPages.Where(p => p.Identity == identity).Select(p => p.Url)).Distinct()];

    /// <summary>Clears the lockout bookkeeping of the signing-in account, so its code pages keep checking codes.</summary>
    public Task UnlockSigningInAsync()
    {
        var normalized = SigningInEmail!.ToUpperInvariant();
        return _app.WithDbAsync(db => db.Users
            .Where(u => u.NormalizedEmail == normalized && (u.AccessFailedCount > 0 || u.LockoutEnd != null))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)));
    }

    /// <summary>
    /// SQLite's <c>data_version</c>, read on a connection of the crawler's own: it changes whenever the app
    /// commits a write, so an unchanged value means an unchanged database without hashing it.
    /// </summary>
    public async Task<long> DataVersionAsync()
    {
        if (_watch is null)
        {
            _watch = new Microsoft.Data.Sqlite.SqliteConnection(_app.ConnectionString);
            await _watch.OpenAsync();
        }

        await using var pragma = _watch.CreateCommand();
        pragma.CommandText = "PRAGMA data_version";
        return (long)(await pragma.ExecuteScalarAsync())!;
    }

    /// <summary>Signs the identity in again (after a form signed it out) and forgets its token.</summary>
    public async Task RenewAsync(string identity)
    {
        if (_sessions.Remove(identity, out var old))
        {
            old.Dispose();
        }

        _tokens.Remove(identity);
        await SessionAsync(identity);
    }

    /// <summary>An antiforgery token for the identity's session (valid for every form of that session).</summary>
    public async Task<string> TokenAsync(string identity, string page)
    {
        if (!_tokens.TryGetValue(identity, out var token))
        {
            token = await (await SessionAsync(identity)).AntiforgeryTokenAsync(page);
            _tokens[identity] = token;
        }

        return token;
    }

    /// <summary>Whether the form signs its user out or changes how they sign in (sign out, new recovery codes, reset or turn off two-factor sign-in).</summary>
    public static bool ChangesTheSignIn(DiscoveredForm form) =>
        SessionEndingActions.Any(a => form.Action.EndsWith(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL of every GET endpoint, filled with sample values.</summary>
    public List<string> GetPages() =>
    [
        .. RouteSamples.MappedEndpoints(_app)
            .Where(e => e.Key.Method == HttpMethods.Get)
            .Select(e => Samples.Fill(e.Value.RoutePattern))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every post form each identity sees, once per identity, action and set of field names; session-ending ones last.</summary>
    public async Task<List<DiscoveredForm>> DiscoverAsync(Action<string, string, IHtmlDocument>? onPage = null)
    {
        var forms = new Dictionary<string, DiscoveredForm>();
        var identities = Identities.Select(i => i.Identity).ToList();
        if (SigningInEmail is not null)
        {
            identities.Add(SigningIn);
        }

        foreach (var identity in identities)
        {
            var session = await SessionAsync(identity);
            foreach (var url in PagesOf(identity))
            {
                var response = await session.GetAsync(url);
                if (response.StatusCode != System.Net.HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var document = TestSession.Parse(await response.Content.ReadAsStringAsync());
                Pages.Add((identity, url));
                onPage?.Invoke(identity, url, document);
                foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
                {
                    if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    foreach (var discovered in Describe(identity, url, form))
                    {
                        forms.TryAdd(discovered.Key, discovered);
                    }
                }
            }
        }

        return [.. forms.Values.OrderBy(f => SessionEndingActions.Any(a => f.Action.EndsWith(a, StringComparison.OrdinalIgnoreCase)) ? 2 : EndingActions.Any(a => f.Action.EndsWith(a, StringComparison.OrdinalIgnoreCase)) ? 1 : 0).ThenBy(f => f.Action, StringComparer.Ordinal).ThenBy(f => f.Identity, StringComparer.Ordinal)];
    }

    /// <summary>Posts <paramref name="fields"/> (raw bytes per value) to the form with the identity's token, as the form's encoding.</summary>
    public async Task<HttpResponseMessage> PostAsync(DiscoveredForm form, IEnumerable<KeyValuePair<string, byte[]>> fields, (string Name, string FileName, byte[] Content)? file = null, bool rawValues = false, ISet<string>? rawFields = null)
    {
        var session = await SessionAsync(form.Identity);
        var token = await TokenAsync(form.Identity, form.Page);
        HttpContent content;
        if (form.Multipart || file is not null)
        {
            var multipart = new MultipartFormDataContent { { new StringContent(token), TokenName } };
            foreach (var (name, value) in fields)
            {
                multipart.Add(new ByteArrayContent(value), name);
            }

            if (file is { } f)
            {
                var part = new ByteArrayContent(f.Content);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{f.Name}\"; filename=\"upload\"; filename*=UTF-8''{PercentEncode(Encoding.UTF8.GetBytes(f.FileName))}");
                multipart.Add(part);
            }

            content = multipart;
        }
        else
        {
            using var body = new MemoryStream();
            void Write(string name, byte[] value, bool raw)
            {
                if (body.Length > 0)
                {
                    body.WriteByte((byte)'&');
                }

                body.Write(Encoding.ASCII.GetBytes(PercentEncode(Encoding.UTF8.GetBytes(name))));
                body.WriteByte((byte)'=');
                body.Write(raw ? value : Encoding.ASCII.GetBytes(PercentEncode(value)));
            }

            foreach (var (name, value) in fields)
            {
                Write(name, value, rawValues || (rawFields?.Contains(name) ?? false));
            }

            Write(TokenName, Encoding.ASCII.GetBytes(token), false);
            content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        using (content)
        {
            return await session.Client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        }
    }

    /// <summary>Row counts and a hash of every row of the tables holding the app's records (not the audit trail or outbox, which refusals may legitimately write).</summary>
    public Task<string> FingerprintAsync() => FingerprintAsync(_app);

    /// <summary>
    /// Row counts and a hash of every row of the tables holding <paramref name="app"/>'s records (not the
    /// audit trail or outbox). With <paramref name="ignoreSignInFailures"/>, the lockout bookkeeping of
    /// accounts (failed attempts, lockout end and the stamp Identity renews with them) is left out.
    /// </summary>
    public static Task<string> FingerprintAsync(TrustFundApp app, bool ignoreSignInFailures = false) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('AuditEntries', 'OutboxMessages', 'DataProtectionKeys', '__EFMigrationsHistory', 'sqlite_sequence') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from sqlite_master.
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
#pragma warning restore CA2100
            var rows = 0;
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (ignoreSignInFailures && table == "AspNetUsers" && SignInFailureColumns.Contains(reader.GetName(i)))
                    {
                        continue;
                    }

                    var value = reader.GetValue(i);
                    hash.AppendData(value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "\u0001null"));
                    hash.AppendData([0x1F]);
                }
            }

            counts.Append(table).Append('=').Append(rows).Append(' ');
        }

        return counts + Convert.ToHexString(hash.GetHashAndReset());
    });

    /// <summary>Elements, event handlers or script URLs an XSS payload created (found by its unique marker).</summary>
    public static List<string> PlantedByPayloads(IHtmlDocument document)
    {
        var found = new List<string>();
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag is "script" or "style" or "iframe" or "object" or "embed" or "base" or "meta" or "link" or "template" or "marquee" or "isindex" or "x"
                && (element.OuterHtml.Contains(HostilePayloads.MarkerPrefix, StringComparison.Ordinal)))
            {
                found.Add($"<{tag}> {Short(element.OuterHtml)}");
                continue;
            }

            foreach (var attribute in element.Attributes)
            {
                if (!attribute.Value.Contains(HostilePayloads.MarkerPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = attribute.Name.ToLowerInvariant();
                var dangerous = name.StartsWith("on", StringComparison.Ordinal)
                    || name is "id" or "style" or "srcdoc" or "formaction" or "values"
                    || (name is "href" or "src" or "action" or "data" or "content" or "xlink:href" && attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
                if (dangerous)
                {
                    found.Add($"<{tag} {attribute.Name}=\"{Short(attribute.Value)}\">");
                }
            }
        }

        return found;
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _watch?.Dispose();
    }

    public static string PercentEncode(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>
    /// The form as its own action receives it, and once more for each submit button with a
    /// <c>formaction</c> (Reject, Suspend...): a browser posts the same fields there.
    /// </summary>
    private static IEnumerable<DiscoveredForm> Describe(string identity, string page, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            action = page;
        }

        var fields = new List<FormField>();
        var buttons = new List<IHtmlButtonElement>();
        foreach (var element in form.Elements)
        {
            if (element is IHtmlButtonElement { Type: "submit" } submit && submit.GetAttribute("formaction") is { Length: > 0 })
            {
                buttons.Add(submit);
                continue;
            }

            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == TokenName || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "checkbox" or "radio")
                    {
                        fields.Add(new FormField(name, FieldKind.Choice, input.IsChecked ? input.Value : null));
                    }
                    else if (type == "file")
                    {
                        fields.Add(new FormField(name, FieldKind.File, null));
                    }
                    else if (type is "submit" or "image" or "button" or "reset")
                    {
                        continue;
                    }
                    else
                    {
                        fields.Add(new FormField(name, TextTypes.Contains(type) ? FieldKind.Text : FieldKind.Other, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new FormField(name, FieldKind.Text, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.SelectedOptions.Select(o => o.Value).ToList();
                    fields.Add(new FormField(name, FieldKind.Choice, chosen.Count > 0 ? chosen[0] : (select.Options.Length > 0 ? select.Options[0]?.Value : null)));
                    foreach (var more in chosen.Skip(1))
                    {
                        fields.Add(new FormField(name, FieldKind.Choice, more));
                    }

                    break;
                case IHtmlButtonElement button:
                    fields.Add(new FormField(name, FieldKind.Other, button.Value));
                    break;
            }
        }

        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        yield return new DiscoveredForm(identity, page, action, multipart, fields);
        foreach (var button in buttons)
        {
            IReadOnlyList<FormField> withButton = button.GetAttribute("name") is { Length: > 0 } name ? [.. fields, new FormField(name, FieldKind.Other, button.Value)] : fields;
            yield return new DiscoveredForm(identity, page, button.GetAttribute("formaction")!, multipart, withButton);
        }
    }
}

/// <summary>How a field is filled by the hostile tests.</summary>
public enum FieldKind
{
    /// <summary>Free text (text-like inputs, hidden inputs other than the token, textareas): gets payloads.</summary>
    Text,

    /// <summary>Select, checkbox or radio: gets payloads as invalid option values.</summary>
    Choice,

    /// <summary>File input.</summary>
    File,

    /// <summary>Password and the like: kept as the page gave it.</summary>
    Other,
}

/// <summary>A field of a discovered form, with the value the page gave it (null when unchecked).</summary>
public sealed record FormField(string Name, FieldKind Kind, string? Value);

/// <summary>A post form found on <paramref name="Page"/> as <paramref name="Identity"/>.</summary>
public sealed record DiscoveredForm(string Identity, string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public string Key => $"{Identity} {Action} {string.Join(',', Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))}";

    /// <summary>Distinct names of the fields that take payloads.</summary>
    public IReadOnlyList<string> Injectable => [.. Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.Choice).Select(f => f.Name).Distinct()];

    /// <summary>The values the page gave, as a browser would post them (unchecked boxes left out).</summary>
    public List<KeyValuePair<string, byte[]>> Original(ISet<string>? except = null) =>
    [
        .. Fields.Where(f => f.Kind != FieldKind.File && f.Value is not null && !(except?.Contains(f.Name) ?? false))
            .Select(f => new KeyValuePair<string, byte[]>(f.Name, Encoding.UTF8.GetBytes(f.Value!))),
    ];

    public override string ToString() => $"{Identity} → POST {Action} (from {Page})";
}
