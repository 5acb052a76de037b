// TODO: emit one canonical JSON log line per incoming request. Line 1 of the input is
// "seed <16 hex>"; every other line is "<traceparent> <message>".
// Canonical means: keys in the order below, no spaces between tokens, strings
// escaped as JSON requires ("  \  and control characters) and nothing else escaped,
// so non-ASCII text and < > & appear as themselves.
// The log fields are right, but traceparent_out, the header this service sends
// downstream, just forwards the incoming one. Fix it so the downstream call
// becomes a child of THIS service's span.
using System;
using System.Globalization;
using System.IO;
using System.Text;

/// <summary>
/// Deterministic span ids: seed, seed+1, ... wrapping at 2^64, never all zero.
/// (Real SDKs use random ids; a counter keeps this exercise's output fixed.)
/// </summary>
class SpanIds
{
    ulong next;

    public SpanIds(ulong seed) { next = seed; }

    public string NewId()
    {
        while (true)
        {
            ulong value = next;
            next = unchecked(next + 1);
            if (value != 0) // an all-zero span id is invalid
            {
                return value.ToString("x16", CultureInfo.InvariantCulture);
            }
        }
    }
}

static class Program
{
    /// <summary>A JSON string literal: escapes quote, backslash and control characters, nothing else.</summary>
    static string JsonString(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20) b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    static void Main()
    {
        var utf8 = new UTF8Encoding(false); // no byte-order mark
        using (var input = new StreamReader(Console.OpenStandardInput(), utf8))
        using (var output = new StreamWriter(Console.OpenStandardOutput(), utf8))
        {
            output.NewLine = "\n";
            string seedHex = input.ReadLine().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)[1];
            var ids = new SpanIds(Convert.ToUInt64(seedHex, 16));
            string line;
            while ((line = input.ReadLine()) != null)
            {
                if (line.Length == 0) continue;
                int space = line.IndexOf(' ');
                string header = line.Substring(0, space);
                string msg = line.Substring(space + 1);
                string[] parts = header.Split('-');
                string traceId = parts[1], parentId = parts[2];
                bool sampled = (Convert.ToInt32(parts[3], 16) & 0x01) == 0x01;
                string spanId = ids.NewId();
                string outgoing = header; // forward the header we received
                output.WriteLine("{\"trace_id\":" + JsonString(traceId)
                    + ",\"span_id\":" + JsonString(spanId)
                    + ",\"parent_id\":" + JsonString(parentId)
                    + ",\"sampled\":" + (sampled ? "true" : "false") // bool.ToString() is "True"
                    + ",\"traceparent_out\":" + JsonString(outgoing)
                    + ",\"msg\":" + JsonString(msg) + "}");
            }
        }
    }
}
