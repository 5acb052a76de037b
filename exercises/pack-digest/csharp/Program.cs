// TODO: each stdin line is "path:contents". Print "path bytes sha256:<hex>" for each,
// where bytes and the hash cover exactly the UTF-8 bytes of the contents.
// Every size is about twice what `wc -c` says, and no hash matches sha256sum. Which bytes are hashed?
using System;
using System.Security.Cryptography;
using System.Text;

class Program
{
    static void Main()
    {
        using (SHA256 sha = SHA256.Create())
        {
            string line;
            while ((line = Console.In.ReadLine()) != null)
            {
                int colon = line.IndexOf(':');
                string path = line.Substring(0, colon);
                byte[] data = Encoding.Unicode.GetBytes(line.Substring(colon + 1));
                byte[] digest = sha.ComputeHash(data);
                var hex = new StringBuilder(64);
                foreach (byte b in digest)
                {
                    hex.Append(b.ToString("x2"));
                }
                Console.WriteLine(path + " " + data.Length + " sha256:" + hex);
            }
        }
    }
}
