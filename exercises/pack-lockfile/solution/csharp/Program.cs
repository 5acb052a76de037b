// Turn a dependency walk ("name version sha256hex" lines, duplicates allowed) into a lockfile:
// one "name@version sha256:<hex>" line per package, sorted by name in byte order, then
// "lock sha256:<hex>" of the lines above it.
using System.Security.Cryptography;
using System.Text;

var locked = new Dictionary<string, string>();
while (Console.ReadLine() is { } line)
{
    if (line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is [var name, var version, var hash])
    {
        locked[name] = $"{name}@{version} sha256:{hash}\n";
    }
}

// Ordinal: compare the names' UTF-16 code units, the same as byte order for these ASCII names.
var text = string.Concat(locked.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value));
Console.Write(text);
Console.WriteLine($"lock sha256:{Sha256Hex(text)}");

static string Sha256Hex(string text) =>
    Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
