// Validate W3C traceparent headers, one per input line, exactly as the spec says:
// version-traceid-parentid-flags, LOWERCASE hex of lengths 2-32-16-2, version ff is
// invalid, an all-zero trace-id or parent-id is invalid. Version 00 has exactly four
// fields; a higher version may append more ("-..."), which we ignore.
using System;
using System.Globalization;
using System.Linq;

static class Program
{
    static bool IsLowerHexDigit(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /// <summary>True when the field is exactly <paramref name="length"/> characters of 0-9 and a-f.</summary>
    static bool IsLowerHex(string field, int length)
    {
        return field.Length == length && field.All(IsLowerHexDigit);
    }

    /// <summary>Returns the output line for one header.</summary>
    static string Check(string header)
    {
        string[] parts = header.Split('-');
        string version = parts[0];
        if (!IsLowerHex(version, 2) || version == "ff") return "invalid: bad version";
        if (parts.Length < 4 || (version == "00" && parts.Length != 4)) return "invalid: expected 4 fields";
        string traceId = parts[1], parentId = parts[2], flags = parts[3];
        if (!IsLowerHex(traceId, 32)) return "invalid: bad trace-id";
        if (traceId == new string('0', 32)) return "invalid: zero trace-id";
        if (!IsLowerHex(parentId, 16)) return "invalid: bad parent-id";
        if (parentId == new string('0', 16)) return "invalid: zero parent-id";
        if (!IsLowerHex(flags, 2)) return "invalid: bad trace-flags";
        int bits = int.Parse(flags, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        bool sampled = (bits & 0x01) == 0x01; // only the lowest bit is defined
        // bool.ToString() is "True"; the output wants lowercase like the other languages.
        return string.Format("valid version={0} trace_id={1} parent_id={2} sampled={3}",
            version, traceId, parentId, sampled ? "true" : "false");
    }

    static void Main()
    {
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string header = line.Trim();
            if (header.Length > 0) Console.WriteLine(Check(header));
        }
    }
}
