// TODO: each stdin line is "path:contents". Print "path bytes sha256:<hex>" for each,
// where bytes and the hash cover exactly the UTF-8 bytes of the contents.
// Every size is about twice what `wc -c` says, and no hash matches sha256sum. Which bytes are hashed?
using System.Security.Cryptography;
using System.Text;
using static System.FormattableString;

while (Console.ReadLine() is { } line)
{
    var colon = line.IndexOf(':');
    var (path, contents) = (line[..colon], line[(colon + 1)..]);
    byte[] data = Encoding.Unicode.GetBytes(contents);
    var hex = Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
    Console.WriteLine(Invariant($"{path} {data.Length} sha256:{hex}"));
}
