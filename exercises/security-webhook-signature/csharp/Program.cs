// TODO: verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
// each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
// Print `<id> accepted` or `<id> rejected: <reason>` (missing signature, unsupported scheme,
// bad signature). The signature is HMAC-SHA256 over the body's exact bytes.
// Some genuine deliveries are rejected here, and some altered ones accepted. Find out which
// bytes this code signs, and while you are there, make the comparison constant-time.
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
    string payload = Encoding.UTF8.GetString(body).Trim(); // tidy the JSON before we look at it
    byte[] mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(payload));
    string expected = "sha256=" + Convert.ToHexString(mac).ToLowerInvariant();
    return header == expected ? "accepted" : "rejected: bad signature";
}
