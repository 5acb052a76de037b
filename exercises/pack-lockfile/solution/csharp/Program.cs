// Turn a dependency walk ("name version sha256hex" lines, duplicates allowed) into a lockfile:
// one "name@version sha256:<hex>" line per package, sorted by name in byte order, then
// "lock sha256:<hex>" of the lines above it.
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

class Program
{
    static void Main()
    {
        var locked = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] f = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 3)
            {
                locked[f[0]] = f[0] + "@" + f[1] + " sha256:" + f[2] + "\n";
            }
        }

        var text = new StringBuilder();
        foreach (string entry in locked.Values)
        {
            text.Append(entry);
        }
        Console.Write(text.ToString());
        Console.WriteLine("lock sha256:" + Sha256Hex(text.ToString()));
    }

    static string Sha256Hex(string s)
    {
        using (SHA256 sha = SHA256.Create())
        {
            var hex = new StringBuilder(64);
            foreach (byte b in sha.ComputeHash(Encoding.UTF8.GetBytes(s)))
            {
                hex.Append(b.ToString("x2"));
            }
            return hex.ToString();
        }
    }
}
