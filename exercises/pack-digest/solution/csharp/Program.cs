// Print "path bytes sha256:<hex>" for every "path:contents" line on stdin.
using System.Security.Cryptography;
using System.Text;
using static System.FormattableString;

while (Console.ReadLine() is { } line)
{
    var colon = line.IndexOf(':');
    var (path, contents) = (line[..colon], line[(colon + 1)..]);
    byte[] data = Encoding.UTF8.GetBytes(contents);
    var hex = Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
    Console.WriteLine(Invariant($"{path} {data.Length} sha256:{hex}"));
}
