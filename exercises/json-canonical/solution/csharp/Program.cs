// Canonical JSON: read "TYPE PATH VALUE" lines, build nested objects, print them
// with sorted keys, no spaces, and only the escapes RFC 8259 requires.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

class Program
{
    static void Quote(StringBuilder b, string s)
    {
        b.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        b.Append(c); // <, &, é, / and emoji halves stay as they are
                    break;
            }
        }
        b.Append('"');
    }

    static void Encode(StringBuilder b, object v)
    {
        var obj = v as SortedDictionary<string, object>;
        if (obj != null)
        {
            b.Append('{');
            bool first = true;
            foreach (var e in obj)
            {
                if (!first) b.Append(',');
                first = false;
                Quote(b, e.Key);
                b.Append(':');
                Encode(b, e.Value);
            }
            b.Append('}');
        }
        else if (v is long n)
        {
            b.Append(n.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Quote(b, (string)v);
        }
    }

    static SortedDictionary<string, object> NewObject()
    {
        // Ordinal = compare UTF-16 code units, the same order as Java, Go and Python.
        return new SortedDictionary<string, object>(StringComparer.Ordinal);
    }

    static void Main()
    {
        var utf8 = new UTF8Encoding(false);
        var input = new StreamReader(Console.OpenStandardInput(), utf8);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8);
        var root = NewObject();
        string line;
        while ((line = input.ReadLine()) != null)
        {
            if (line.Length == 0) continue;
            string[] parts = line.Split(new[] { ' ' }, 3);
            string[] keys = parts[1].Split('.');
            var node = root;
            for (int i = 0; i < keys.Length - 1; i++)
            {
                object child;
                if (!node.TryGetValue(keys[i], out child))
                {
                    child = NewObject();
                    node[keys[i]] = child;
                }
                node = (SortedDictionary<string, object>)child;
            }
            string leaf = keys[keys.Length - 1];
            if (parts[0] == "int")
                node[leaf] = long.Parse(parts[2], CultureInfo.InvariantCulture);
            else
                node[leaf] = parts[2];
        }
        var b = new StringBuilder();
        Encode(b, root);
        string text = b.ToString();
        output.Write(text + "\n");
        output.Write("bytes " + utf8.GetByteCount(text).ToString(CultureInfo.InvariantCulture) + "\n");
        output.Flush();
    }
}
