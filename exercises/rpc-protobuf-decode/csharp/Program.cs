// TODO: the numbers come out wrong once they need two or more bytes. Fix the varint decoder.
// Decode Item messages by hand from the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line is one message as hex bytes. Unknown fields are skipped.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

class MalformedException : Exception
{
}

class WireReader
{
    readonly byte[] data;
    int pos;

    public WireReader(byte[] data) { this.data = data; }

    public bool Done { get { return pos >= data.Length; } }

    public ulong Varint()
    {
        ulong value = 0;
        for (int i = 0; i < 10; i++) // a 64-bit varint has at most 10 bytes
        {
            if (pos >= data.Length) throw new MalformedException();
            byte b = data[pos++];
            value = (value << 7) | (ulong)(b & 0x7F); // append the next 7 bits
            if (b < 0x80) return value;
        }
        throw new MalformedException();
    }

    public byte[] Take(ulong size)
    {
        if (size > (ulong)(data.Length - pos)) throw new MalformedException(); // never trust a length prefix
        var result = new byte[size];
        Array.Copy(data, pos, result, 0, (int)size);
        pos += (int)size;
        return result;
    }
}

class Program
{
    static string Decode(byte[] data)
    {
        long id = 0, stock = 0; // proto3 defaults for absent fields
        string name = "";
        var skipped = new List<string>();
        var r = new WireReader(data);
        while (!r.Done)
        {
            ulong key = r.Varint();
            ulong field = key >> 3;
            int wireType = (int)(key & 7);
            ulong value = 0;
            byte[] payload = null;
            switch (wireType)
            {
                case 0: value = r.Varint(); break;
                case 2: payload = r.Take(r.Varint()); break;
                case 1: r.Take(8); break; // I64
                case 5: r.Take(4); break; // I32
                default: throw new MalformedException();
            }
            if (field == 1 && wireType == 0)
                id = unchecked((long)value); // the last value seen wins
            else if (field == 2 && wireType == 2)
                name = Encoding.UTF8.GetString(payload);
            else if (field == 16 && wireType == 0)
                stock = unchecked((long)value);
            else
                skipped.Add(field.ToString(CultureInfo.InvariantCulture));
        }
        string text = "id=" + id.ToString(CultureInfo.InvariantCulture) + " name=\"" + name
            + "\" stock=" + stock.ToString(CultureInfo.InvariantCulture);
        return skipped.Count == 0 ? text : text + " skipped=" + string.Join(",", skipped);
    }

    static byte[] ParseHex(string line)
    {
        string[] parts = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        var bytes = new byte[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            bytes[i] = byte.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bytes;
    }

    static void Main()
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            if (line.Trim().Length == 0) continue;
            try
            {
                output.Write(Decode(ParseHex(line)) + "\n");
            }
            catch (MalformedException)
            {
                output.Write("malformed\n");
            }
        }
        output.Flush();
    }
}
