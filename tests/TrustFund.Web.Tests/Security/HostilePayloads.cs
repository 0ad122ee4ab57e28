using System.Globalization;
using System.Text;

namespace TrustFund.Web.Tests.Security;

/// <summary>One hostile value: its bytes as sent in a form body, and the marker that betrays it when echoed unescaped.</summary>
/// <param name="Name">Short description for failure messages.</param>
/// <param name="Text">The value as a string (null for byte-level payloads).</param>
/// <param name="Bytes">Raw bytes of the value (invalid UTF-8 allowed); percent-encoded unless <paramref name="Raw"/>.</param>
/// <param name="Raw">Sent as raw bytes in the body, not percent-encoded.</param>
/// <param name="Marker">Unique marker the XSS payload plants in elements or attributes it would create.</param>
public sealed record HostilePayload(string Name, string? Text, byte[] Bytes, bool Raw, string? Marker)
{
    public bool IsXss => Marker is not null;

    public override string ToString() => Name;
}

/// <summary>At least 50 XSS, 50 SQL-injection and the edge cases (huge, bidi, zero-width, NUL, malformed UTF-8).</summary>
public static class HostilePayloads
{
    public const string MarkerPrefix = "tfx";

    // {0} is replaced by a unique marker; every template creates an element, an event handler or a
    // script URL carrying the marker if the page echoes it unescaped.
    private static readonly string[] XssTemplates =
    [
        "<script id=\"{0}\">alert(1)</script>",
        "<script>{0}()</script>",
        "<img src=x onerror=\"{0}()\" id=\"{0}\">",
        "<img src=x onerror={0}()>",
        "<svg onload={0}() id={0}>",
        "<svg><script id={0}>alert(1)</script></svg>",
        "<iframe id={0} src=\"javascript:{0}()\"></iframe>",
        "<iframe id={0} srcdoc=\"&lt;script&gt;{0}()&lt;/script&gt;\"></iframe>",
        "<body onload={0}()>",
        "<details open ontoggle={0}() id={0}>",
        "<input autofocus onfocus={0}() id={0}>",
        "<select autofocus onfocus={0}() id={0}>",
        "<textarea autofocus onfocus={0}() id={0}>",
        "<video id={0}><source onerror={0}()></video>",
        "<audio src=x onerror={0}() id={0}>",
        "<object id={0} data=\"javascript:{0}()\"></object>",
        "<embed id={0} src=\"javascript:{0}()\">",
        "<a id={0} href=\"javascript:{0}()\">click</a>",
        "<form id={0} action=\"javascript:{0}()\"><button>x</button></form>",
        "<button id={0} formaction=\"javascript:{0}()\">x</button>",
        "<math><mtext><table><mglyph><style><img src=x onerror={0}()>",
        "<div id={0} style=\"background:url(javascript:{0}())\">",
        "<marquee onstart={0}() id={0}>",
        "<isindex id={0} type=image src=1 onerror={0}()>",
        "<base id={0} href=\"javascript:{0}()//\">",
        "<link id={0} rel=stylesheet href=\"javascript:{0}()\">",
        "<meta id={0} http-equiv=\"refresh\" content=\"0;url=javascript:{0}()\">",
        "\"><script id={0}>alert(1)</script>",
        "'><img src=x onerror={0}() id={0}>",
        "\" onmouseover=\"{0}()\" data-x=\"",
        "' onmouseover='{0}()' data-x='",
        "\" autofocus onfocus=\"{0}()\" x=\"",
        "</textarea><script id={0}>alert(1)</script>",
        "</title><script id={0}>alert(1)</script>",
        "</script><script id={0}>alert(1)</script>",
        "</option></select><img src=x onerror={0}() id={0}>",
        "<!--<img src=\"--><img src=x onerror={0}() id={0}//\">",
        "<scr<script>ipt id={0}>alert(1)</script>",
        "<ScRiPt id={0}>alert(1)</sCrIpT>",
        "<img src=x oNeRrOr={0}() id={0}>",
        "<img src=x onerror=&#x{0};() id={0}>",
        "<svg><animate onbegin={0}() attributeName=x dur=1s id={0}>",
        "<svg><a id={0}><animate attributeName=href values=javascript:{0}() /><text>x</text></a></svg>",
        "<img/src/onerror={0}()/id={0}>",
        "<img\nsrc=x\nonerror={0}()\nid={0}>",
        "<img src=`x` onerror={0}() id={0}>",
        "<x onclick={0}() id={0}>click",
        "<style id={0}>@import 'javascript:{0}()';</style>",
        "<template id={0}><img src=x onerror={0}()></template>",
        "<noscript><p title=\"</noscript><img src=x onerror={0}() id={0}>\">",
        "javascript:{0}()//<img src=x onerror={0}() id={0}>",
        "{{{{constructor.constructor('{0}()')()}}}}<img src=x onerror={0}() id={0}>",
        "<img src=x onerror=\"{0}()\" id=\"{0}\"\u0000>",
        "\u003Cimg src=x onerror={0}() id={0}\u003E",
        "<<img src=x onerror={0}() id={0}>>",
    ];

    private static readonly string[] SqlInjections =
    [
        "' OR '1'='1",
        "' OR 1=1 --",
        "\" OR \"1\"=\"1",
        "' OR 1=1#",
        "') OR ('1'='1",
        "')) OR (('1'='1",
        "1' OR '1'='1' /*",
        "admin'--",
        "admin' #",
        "' UNION SELECT NULL--",
        "' UNION SELECT NULL,NULL--",
        "' UNION SELECT name, sql FROM sqlite_master--",
        "' UNION SELECT username, password FROM users--",
        "1 UNION ALL SELECT 1,2,3--",
        "'; DROP TABLE Applications;--",
        "'; DROP TABLE AspNetUsers;--",
        "'; DELETE FROM Organisations;--",
        "'; UPDATE AspNetUsers SET Email='x@x';--",
        "'; INSERT INTO AspNetUserRoles VALUES('x','y');--",
        "1; SELECT * FROM AuditEntries",
        "' AND 1=CONVERT(int,@@version)--",
        "' AND SLEEP(5)--",
        "'; WAITFOR DELAY '0:0:5'--",
        "' OR pg_sleep(5)--",
        "1' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
        "' AND randomblob(100000000)--",
        "' AND substr((SELECT sql FROM sqlite_master),1,1)='C",
        "1 AND 1=2",
        "1 OR 1=1",
        "-1 OR 1=1",
        "0x50",
        "1e309",
        "-0",
        "NaN",
        "Infinity",
        "99999999999999999999999999999999",
        "' || (SELECT '')||'",
        "' + (SELECT 1) + '",
        "%27%20OR%201%3D1--",
        "\\' OR 1=1 --",
        "' OR ''='",
        "'='",
        "'LIKE'",
        "'=0--+",
        " OR 1=1",
        "' OR 'x'='x';--",
        "'; EXEC xp_cmdshell('dir');--",
        "'; ATTACH DATABASE '/tmp/x.db' AS x;--",
        "' GROUP BY 1 HAVING 1=1--",
        "' ORDER BY 100--",
        "1' AND extractvalue(1,concat(0x7e,version()))--",
        "$where: '1 == 1'",
        "{\"$gt\": \"\"}",
        "*)(uid=*))(|(uid=*",
    ];

    public static IReadOnlyList<HostilePayload> All { get; } = Build();

    public static int XssCount => All.Count(p => p.IsXss);

    public static int SqlCount => SqlInjections.Length;

    public static int EdgeCount => All.Count - XssCount - SqlCount;

    /// <summary>The payload planted with <paramref name="marker"/>, if any.</summary>
    public static HostilePayload? ByMarker(string marker) => All.FirstOrDefault(p => p.Marker == marker);

    private static List<HostilePayload> Build()
    {
        var payloads = new List<HostilePayload>();
        for (var i = 0; i < XssTemplates.Length; i++)
        {
            var marker = MarkerPrefix + i.ToString("D3", CultureInfo.InvariantCulture);
            var text = XssTemplates[i].Replace("{0}", marker, StringComparison.Ordinal);
            payloads.Add(new HostilePayload($"xss#{i}", text, Encoding.UTF8.GetBytes(text), false, marker));
        }

        for (var i = 0; i < SqlInjections.Length; i++)
        {
            payloads.Add(Text($"sql#{i}", SqlInjections[i]));
        }

        payloads.Add(Text("20,000 characters", new string('A', 20_000)));
        payloads.Add(Text("20,000 mixed-script characters", string.Concat(Enumerable.Repeat("Trafic d'êtres humains — الاتجار بالبشر — 人口贩运 ", 1000))[..20_000]));
        payloads.Add(Text("20,000 '<' characters", new string('<', 20_000)));
        payloads.Add(Text("right-to-left override", "invoice\u202Efdp.exe"));
        payloads.Add(Text("bidi isolates and marks", "\u2066\u2067abc\u2069\u200F\u200E\u061C"));
        payloads.Add(Text("zero-width characters", "ze\u200Bro\u200Cwi\u200Ddth\u2060\uFEFF"));
        payloads.Add(Text("NUL characters", "before\u0000after\u0000"));
        payloads.Add(Text("control characters", "\u0001\u0007\u0008\u001B[31m\u007F\r\n\t"));
        payloads.Add(Text("log forging", "ok\r\n2026-03-02 ERROR forged line"));
        payloads.Add(Text("only whitespace", " \t\u00A0\u2003\u3000 "));
        payloads.Add(Text("combining characters", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B" + new string('\u0300', 500)));
        payloads.Add(Text("astral plane and emoji", "🏳️‍🌈👩🏽‍⚖️𝕿𝖗𝖚𝖘𝖙 𠜎𠜱"));
        payloads.Add(Text("format string", "%s%s%s%n%x {0} {1:N} ${{7*7}} #{7*7}"));
        payloads.Add(Text("path traversal", "../../../../etc/passwd"));
        payloads.Add(Text("CRLF header injection", "x\r\nSet-Cookie: tf=1\r\nLocation: //evil.test"));
        payloads.Add(Text("open redirect", "//evil.test/%2e%2e"));
        payloads.Add(Text("negative and huge numbers", "-99999999999999999999999.99"));
        payloads.Add(Text("date out of range", "9999-99-99"));
        payloads.Add(Text("empty", string.Empty));
        payloads.Add(new HostilePayload("invalid UTF-8 (raw 0xFF 0xFE)", null, [0x41, 0xFF, 0xFE, 0x42], true, null));
        payloads.Add(new HostilePayload("overlong UTF-8 '/' (raw)", null, [0xC0, 0xAF, 0x2E, 0x2E], true, null));
        payloads.Add(new HostilePayload("truncated UTF-8 sequence (raw)", null, [0x61, 0xE2, 0x82], true, null));
        payloads.Add(new HostilePayload("unpaired high surrogate as UTF-8 (%ED%A0%80)", null, [0xED, 0xA0, 0x80, 0x61], false, null));
        payloads.Add(new HostilePayload("unpaired low surrogate as UTF-8 (%ED%B0%80)", null, [0x61, 0xED, 0xB0, 0x80], false, null));
        payloads.Add(new HostilePayload("invalid UTF-8 (%C3%28)", null, [0xC3, 0x28, 0xA0, 0xA1], false, null));
        payloads.Add(new HostilePayload("raw NUL bytes", null, [0x61, 0x00, 0x00, 0x62], true, null));
        payloads.Add(new HostilePayload("lone surrogate in a string (replaced by the encoder)", "\uD800x\uDC00", Encoding.UTF8.GetBytes("\uD800x\uDC00"), false, null));
        return payloads;
    }

    private static HostilePayload Text(string name, string text) => new(name, text, Encoding.UTF8.GetBytes(text), false, null);
}
