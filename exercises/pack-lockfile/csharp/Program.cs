// TODO: stdin lists resolved dependencies as "name version sha256hex", in the order a tree walk
// found them, duplicates included. Print a lockfile: one "name@version sha256:<hex>" line per
// package, sorted by name in plain byte (ordinal) order, then "lock sha256:<hex>", the SHA-256
// of all the lines above it (each ending in "\n").
// This sorts, but not in byte order: where do the names with capital letters end up, and why?
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

var text = string.Concat(locked.OrderBy(entry => entry.Key).Select(entry => entry.Value));
Console.Write(text);
Console.WriteLine($"lock sha256:{Sha256Hex(text)}");

static string Sha256Hex(string text) =>
    Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
