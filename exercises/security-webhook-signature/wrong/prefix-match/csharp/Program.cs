// WRONG (prefix-match): StartsWith accepts a header with anything after the signature.
// Verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
// each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
// The signature is HMAC-SHA256 over the body's exact bytes, compared in constant time.
using System.Security.Cryptography;
using System.Text;

string firstLine = Console.ReadLine() ?? "";
byte[] secret = Encoding.UTF8.GetBytes(firstLine.StartsWith("secret=", StringComparison.Ordinal)
    ? firstLine["secret=".Length..]
    : firstLine);

while (Console.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line)) continue;
    string[] fields = line.Split(' ');
    byte[] body = Convert.FromBase64String(fields[2]);
    Console.WriteLine($"{fields[0]} {Verify(secret, fields[1], body)}");
}

// Returns "accepted" or "rejected: <reason>" for one delivery.
static string Verify(byte[] secret, string header, byte[] body)
{
    if (header == "-") return "rejected: missing signature";
    if (!header.StartsWith("sha256=", StringComparison.Ordinal)) return "rejected: unsupported scheme";
    // Sign the bytes that arrived, not a tidied or re-serialised copy of them.
    byte[] mac = HMACSHA256.HashData(secret, body);
    string expected = "sha256=" + Convert.ToHexString(mac).ToLowerInvariant();
    // FixedTimeEquals does not stop at the first differing byte, so the time it takes
    // tells an attacker nothing about how much of a forged signature was right.
    bool ok = header.StartsWith(expected, StringComparison.Ordinal);
    return ok ? "accepted" : "rejected: bad signature";
}
