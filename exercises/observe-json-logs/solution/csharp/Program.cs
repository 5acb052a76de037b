// Emit one compact JSON log line per incoming request. Line 1 of the input is
// "seed <16 hex>"; every other line is "<traceparent> <message>".
// Exact form: keys in the fixed order below, no spaces between tokens, strings
// escaped as JSON requires ("  \  and control characters) and nothing else escaped,
// so non-ASCII text and < > & appear as themselves.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

var json = new JsonSerializerOptions
{
    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, // TraceparentOut -> "traceparent_out"
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,  // keep < > & and accented letters as they are
};

using var input = new StreamReader(Console.OpenStandardInput()); // UTF-8 by default
using var stdout = Console.OpenStandardOutput(); // JsonSerializer writes UTF-8 bytes straight here

if (input.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not ["seed", var seedHex])
{
    throw new InvalidDataException("line 1 must be \"seed <16 hex>\"");
}
var ids = new SpanIds(ulong.Parse(seedHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

while (input.ReadLine() is { } line)
{
    if (line.Split(' ', 2) is not [var header, var msg]) continue;
    if (header.Split('-') is not [_, var traceId, var parentId, var flags]) continue; // all valid here
    var sampled = (byte.Parse(flags, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) & 0x01) != 0;
    var spanId = ids.NewId();
    var outgoing = $"00-{traceId}-{spanId}-{(sampled ? "01" : "00")}";
    JsonSerializer.Serialize(stdout, new LogLine(traceId, spanId, parentId, sampled, outgoing, msg), json);
    stdout.Write("\n"u8);
}

/// <summary>One log line. The serializer writes the keys in declaration order.</summary>
sealed record LogLine(string TraceId, string SpanId, string ParentId, bool Sampled, string TraceparentOut, string Msg);

/// <summary>
/// Deterministic span ids: seed, seed+1, ... wrapping at 2^64, never all zero.
/// (Real SDKs use random ids; a counter keeps this exercise's output fixed.)
/// </summary>
sealed class SpanIds(ulong seed)
{
    ulong next = seed;

    public string NewId()
    {
        while (true)
        {
            var value = next;
            next = unchecked(next + 1);
            if (value != 0) // an all-zero span id is invalid
            {
                return value.ToString("x16", CultureInfo.InvariantCulture);
            }
        }
    }
}
