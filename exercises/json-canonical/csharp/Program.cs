// TODO: make this print canonical JSON: keys sorted by UTF-16 code units (RFC 8785), no
// spaces, and exactly the escapes RFC 8259 requires inside strings (no more, no fewer).
// The input lines are "TYPE PATH VALUE"; see the task for the escaping table.
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

// A dictionary that keeps its keys sorted.
static SortedDictionary<string, object> NewObject() => new();

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
    // Escape the quote and the backslash; everything else is copied as is.
    b.Append('"').Append(s.Replace(@"\", @"\\").Replace("\"", "\\\"")).Append('"');
}
