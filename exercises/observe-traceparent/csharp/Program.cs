// TODO: validate W3C traceparent headers, one per input line, exactly as the spec says:
// version-traceid-parentid-flags, LOWERCASE hex of lengths 2-32-16-2, version ff is
// invalid, an all-zero trace-id or parent-id is invalid. Version 00 has exactly four
// fields; a higher version may append more ("-..."), which we ignore.
// Some headers that the spec rejects still come out "valid" here. Make the hex check
// follow the spec's grammar instead of what char.IsAsciiHexDigit happens to accept.
using System.Globalization;

while (Console.ReadLine() is { } line)
{
    var header = line.Trim();
    if (header.Length > 0) Console.WriteLine(Check(header));
}

/// <summary>Returns the output line for one header.</summary>
static string Check(string header)
{
    string[] parts = header.Split('-');
    var version = parts[0];
    if (!IsHex(version, 2) || version == "ff") return "invalid: bad version";
    if (parts is not [_, var traceId, var parentId, var flags, .. var extra] || (version == "00" && extra.Length > 0))
    {
        return "invalid: expected 4 fields";
    }
    if (!IsHex(traceId, 32)) return "invalid: bad trace-id";
    if (traceId.All(c => c == '0')) return "invalid: zero trace-id";
    if (!IsHex(parentId, 16)) return "invalid: bad parent-id";
    if (parentId.All(c => c == '0')) return "invalid: zero parent-id";
    if (!IsHex(flags, 2)) return "invalid: bad trace-flags";
    var sampled = (byte.Parse(flags, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) & 0x01) != 0; // only the lowest bit is defined
    // bool.ToString() is "True"; the output wants lowercase like the other languages.
    return $"valid version={version} trace_id={traceId} parent_id={parentId} sampled={(sampled ? "true" : "false")}";
}

/// <summary>True when the field is <paramref name="length"/> hex characters.</summary>
static bool IsHex(string field, int length) => field.Length == length && field.All(char.IsAsciiHexDigit);
