// TODO: the bytes are wrong for numbers of 128 and up. Fix the varint encoder.
// Encode Item messages by hand in the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line holds name=value pairs; print the encoded bytes as hex.
using System.Globalization;
using System.Text;

const int Varint = 0, Len = 2; // wire types

using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
char[] blanks = [' ', '\t'];
while (stdin.ReadLine() is { } line)
{
    var fields = new Dictionary<string, string>();
    foreach (var pair in line.Split(blanks, StringSplitOptions.RemoveEmptyEntries))
    {
        if (pair.Split('=', 2) is [{ Length: > 0 } key, var value])
            fields[key] = value;
    }
    if (fields.Count == 0) continue;
    var bytes = Encode(fields);
    Console.WriteLine(bytes.Count == 0
        ? "(empty)"
        : string.Join(' ', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
}

static List<byte> Encode(Dictionary<string, string> fields)
{
    var output = new List<byte>();
    var id = ParseInt(fields, "id");
    byte[] name = fields.TryGetValue("name", out var text) ? Encoding.UTF8.GetBytes(text) : [];
    var stock = ParseInt(fields, "stock");
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

static long ParseInt(Dictionary<string, string> fields, string key) =>
    fields.TryGetValue(key, out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : 0;

static void WriteTag(List<byte> output, int field, int wireType) =>
    WriteVarint(output, (ulong)(field << 3 | wireType));

static void WriteVarint(List<byte> output, ulong n)
{
    while (n >= 0x80)
    {
        output.Add((byte)(n & 0x7F)); // low 7 bits first
        n >>= 7;
    }
    output.Add((byte)n);
}
