// Encode Item messages by hand in the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line holds name=value pairs; print the encoded bytes as hex.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

class Program
{
    const int Varint = 0, Len = 2;

    static void WriteVarint(List<byte> output, ulong n)
    {
        while (n >= 0x80)
        {
            output.Add((byte)((n & 0x7F) | 0x80)); // low 7 bits first, MSB = "more bytes follow"
            n >>= 7;
        }
        output.Add((byte)n);
    }

    static void WriteTag(List<byte> output, int field, int wireType)
    {
        WriteVarint(output, (ulong)(field << 3 | wireType));
    }

    static long ParseInt(Dictionary<string, string> fields, string key)
    {
        string s;
        return fields.TryGetValue(key, out s) ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
    }

    static List<byte> Encode(Dictionary<string, string> fields)
    {
        var output = new List<byte>();
        long id = ParseInt(fields, "id");
        string text;
        byte[] name = fields.TryGetValue("name", out text) ? Encoding.UTF8.GetBytes(text) : new byte[0];
        long stock = ParseInt(fields, "stock");
        if (id != 0) // proto3 does not write default values
        {
            WriteTag(output, 1, Varint);
            WriteVarint(output, unchecked((ulong)id)); // int64 is sent as its raw bits
        }
        if (name.Length > 0)
        {
            WriteTag(output, 2, Len);
            WriteVarint(output, (ulong)name.Length); // bytes, not string.Length chars
            output.AddRange(name);
        }
        if (stock != 0)
        {
            WriteTag(output, 16, Varint);
            WriteVarint(output, unchecked((ulong)stock));
        }
        return output;
    }

    static void Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var result = new StringBuilder();
        string line;
        while ((line = input.ReadLine()) != null)
        {
            var fields = new Dictionary<string, string>();
            foreach (string p in line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = p.IndexOf('=');
                if (eq > 0) fields[p.Substring(0, eq)] = p.Substring(eq + 1);
            }
            if (fields.Count == 0) continue;
            List<byte> data = Encode(fields);
            result.Append(data.Count == 0
                ? "(empty)"
                : string.Join(" ", data.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
            result.Append('\n');
        }
        Console.Out.Write(result.ToString());
    }
}
