// Decode Item messages by hand from the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line is one message as hex bytes. Unknown fields are skipped.
using System.Globalization;
using System.Text;

using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)); // no BOM
while (stdin.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line)) continue;
    try
    {
        stdout.WriteLine(Decode(Convert.FromHexString(line.Replace(" ", ""))));
    }
    catch (MalformedException)
    {
        stdout.WriteLine("malformed");
    }
}

static string Decode(byte[] data)
{
    long id = 0, stock = 0; // proto3 defaults for absent fields
    var name = "";
    var skipped = new List<ulong>();
    var reader = new WireReader(data);
    while (!reader.Done)
    {
        var key = reader.Varint();
        var (field, wireType) = (key >> 3, (int)(key & 7));
        switch (field, wireType) // the last value seen wins
        {
            case (1, 0): id = unchecked((long)reader.Varint()); break;
            case (2, 2): name = Encoding.UTF8.GetString(reader.Take(reader.Varint())); break;
            case (16, 0): stock = unchecked((long)reader.Varint()); break;
            default:
                reader.Skip(wireType);
                skipped.Add(field);
                break;
        }
    }
    var text = string.Create(CultureInfo.InvariantCulture, $"id={id} name=\"{name}\" stock={stock}");
    return skipped.Count == 0 ? text : text + " skipped=" + string.Join(',', skipped);
}

sealed class WireReader(byte[] data)
{
    int pos;

    public bool Done => pos >= data.Length;

    public ulong Varint()
    {
        ulong value = 0;
        for (var i = 0; i < 10; i++) // a 64-bit varint has at most 10 bytes
        {
            if (pos >= data.Length) throw new MalformedException();
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << (7 * i); // the first byte holds the LOWEST 7 bits
            if (b < 0x80) return value;
        }
        throw new MalformedException();
    }

    public byte[] Take(ulong size)
    {
        if (size > (ulong)(data.Length - pos)) throw new MalformedException(); // never trust a length prefix
        var bytes = data[pos..(pos + (int)size)];
        pos += (int)size;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: Varint(); break;
            case 1: Take(8); break; // I64
            case 2: Take(Varint()); break; // LEN
            case 5: Take(4); break; // I32
            default: throw new MalformedException(); // 3 and 4 (groups) and 6, 7
        }
    }
}

sealed class MalformedException() : Exception("malformed message");
