// Print "path bytes sha256:<hex>" for every "path:contents" line on stdin.
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
                byte[] data = Encoding.UTF8.GetBytes(line.Substring(colon + 1));
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
