// WRONG (reserialised-header): the MAC is computed over the header and payload serialised again, not over the bytes received.
// Verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then one
// token per line. Only HS256 is accepted, whatever the header says; segments must be strict
// base64url without padding; the MAC is compared in constant time; exp and nbf get 30 s leeway.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

string secretLine = Console.ReadLine() ?? "";
string nowLine = Console.ReadLine() ?? "";
byte[] secret = Encoding.UTF8.GetBytes(secretLine["secret=".Length..]);
long now = long.Parse(nowLine["now=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture);

while (Console.ReadLine() is { } line)
{
    string token = line.Trim();
    if (token.Length > 0) Console.WriteLine(Jwt.Check(token, secret, now));
}

static class Jwt
{
    const long LeewaySeconds = 30; // clock skew tolerated for exp and nbf

    /// <summary>Returns the output line for one token.</summary>
    public static string Check(string token, byte[] secret, long now)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3) return "rejected: malformed";
        if (!parts.All(IsBase64Url)) return "rejected: bad base64url";
        byte[] headerRaw = Base64UrlDecode(parts[0]);
        byte[] payloadRaw = Base64UrlDecode(parts[1]);
        byte[] signature = Base64UrlDecode(parts[2]);

        using JsonDocument? header = ParseJson(headerRaw);
        if (header is null) return "rejected: malformed";
        // The allow-list is ours: "none", "NONE" or "HS512" in the header does not pick the check.
        string? alg = header.RootElement.TryGetProperty("alg", out JsonElement a) && a.ValueKind == JsonValueKind.String
            ? a.GetString()
            : null;
        if (alg != "HS256") return $"rejected: alg {alg} not allowed";

        using JsonDocument? again = ParseJson(payloadRaw);
        string h2 = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(header.RootElement)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string p2 = again is null ? parts[1] : Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(again.RootElement)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        byte[] expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{h2}.{p2}"));
        // FixedTimeEquals does not stop at the first differing byte.
        if (!CryptographicOperations.FixedTimeEquals(signature, expected)) return "rejected: bad signature";

        using JsonDocument? payload = ParseJson(payloadRaw); // only now: the signature vouches for it
        if (payload is null) return "rejected: malformed";
        JsonElement claims = payload.RootElement;
        if (claims.TryGetProperty("exp", out JsonElement exp) && now >= exp.GetInt64() + LeewaySeconds)
            return "rejected: expired";
        if (claims.TryGetProperty("nbf", out JsonElement nbf) && now < nbf.GetInt64() - LeewaySeconds)
            return "rejected: not yet valid";
        return $"accepted sub={(claims.TryGetProperty("sub", out JsonElement sub) ? sub.GetString() : "")}";
    }

    /// <summary>RFC 7515's base64url: only A-Z a-z 0-9 - _, no '=' padding, no whitespace.</summary>
    static bool IsBase64Url(string segment) =>
        segment.Length % 4 != 1
        && segment.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>Decodes a segment that <see cref="IsBase64Url"/> accepted.</summary>
    static byte[] Base64UrlDecode(string segment)
    {
        // .NET 8 has no base64url decoder in the base library (System.Buffers.Text.Base64Url
        // arrived in .NET 9), so map it to standard base64 and put the padding back.
        string standard = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(standard + new string('=', (4 - standard.Length % 4) % 4));
    }

    static JsonDocument? ParseJson(byte[] utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
