// Canonical JSON: read "TYPE PATH VALUE" lines, build nested objects, print them with keys in
// RFC 8785 order (by UTF-16 code units), no spaces, and only the escapes RFC 8259 requires.
using System.Globalization;
using System.Text;

using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)); // no BOM

var root = NewObject();
while (stdin.ReadLine() is { } line)
{
    if (line.Length == 0) continue;
    var parts = line.Split(' ', 3); // TYPE, PATH, and the VALUE with its spaces
    var keys = parts[1].Split('.');
    var node = root;
    foreach (var key in keys[..^1])
    {
        if (!node.TryGetValue(key, out var child))
        {
            child = NewObject();
            node[key] = child;
        }
        node = (SortedDictionary<string, object>)child;
    }
    node[keys[^1]] = parts[0] == "int" ? long.Parse(parts[2], CultureInfo.InvariantCulture) : parts[2];
}

var text = new StringBuilder();
Encode(text, root);
stdout.WriteLine(text);
stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes {Encoding.UTF8.GetByteCount(text.ToString())}"));

// Ordinal compares UTF-16 code units, which is exactly RFC 8785's key order.
static SortedDictionary<string, object> NewObject() => new(StringComparer.Ordinal);

static void Encode(StringBuilder b, object value)
{
    switch (value)
    {
        case SortedDictionary<string, object> obj:
            b.Append('{');
            var first = true;
            foreach (var (key, member) in obj)
            {
                if (!first) b.Append(',');
                first = false;
                Quote(b, key);
                b.Append(':');
                Encode(b, member);
            }
            b.Append('}');
            break;
        case long n:
            b.Append(n.ToString(CultureInfo.InvariantCulture));
            break;
        case string s:
            Quote(b, s);
            break;
    }
}

static void Quote(StringBuilder b, string s)
{
    b.Append('"');
    foreach (var c in s)
    {
        switch (c)
        {
            case '"': b.Append("\\\""); break;
            case '\\': b.Append(@"\\"); break;
            case '\b': b.Append(@"\b"); break;
            case '\f': b.Append(@"\f"); break;
            case '\n': b.Append(@"\n"); break;
            case '\r': b.Append(@"\r"); break;
            case '\t': b.Append(@"\t"); break;
            case < ' ': // the other control characters, U+0000 to U+001F
                b.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
            default: // <, &, /, é and emoji (both UTF-16 halves) stay as they are
                b.Append(c);
                break;
        }
    }
    b.Append('"');
}
