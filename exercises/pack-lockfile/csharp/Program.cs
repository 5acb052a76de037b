// TODO: stdin lists resolved dependencies as "name version sha256hex", in the order a tree walk
// found them, duplicates included. Print a lockfile: one "name@version sha256:<hex>" line per
// package, sorted by name in plain byte (ordinal) order, then "lock sha256:<hex>", the SHA-256
// of all the lines above it (each ending in "\n").
// This sorts, but not in byte order: where do the names with capital letters end up, and why?
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

class Program
{
    static void Main()
    {
        var locked = new Dictionary<string, string>();
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] f = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 3)
            {
                locked[f[0]] = f[0] + "@" + f[1] + " sha256:" + f[2] + "\n";
            }
        }

        var names = new List<string>(locked.Keys);
        names.Sort();
        var text = new StringBuilder();
        foreach (string name in names)
        {
            text.Append(locked[name]);
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
