// Reference solution: bool.ToString() is "True"/"False"; JSON's literals are lowercase.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

sealed class Item
{
    public string Name { get; }
    public int UnitCents { get; }
    public bool InStock { get; }

    public Item(string name, int unitCents, bool inStock)
    {
        Name = name;
        UnitCents = unitCents;
        InStock = inStock;
    }
}

static class Program
{
    static readonly Dictionary<string, Item> Prices = new Dictionary<string, Item>
    {
        { "A1", new Item("apple", 120, true) },
        { "B7", new Item("pear", 95, false) },
        { "C3", new Item("plum", 250, true) },
    };

    static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>();
        foreach (string pair in query.Split('&'))
        {
            int eq = pair.IndexOf('=');
            result[Uri.UnescapeDataString(pair.Substring(0, eq))] = Uri.UnescapeDataString(pair.Substring(eq + 1));
        }
        return result;
    }

    static string Num(int n)
    {
        return n.ToString(CultureInfo.InvariantCulture);
    }

    static void Main()
    {
        string[] parts = Console.ReadLine().Trim().Split(' ');
        string target = parts[1];
        var query = ParseQuery(target.Substring(target.IndexOf('?') + 1));
        string sku = query["sku"];
        int qty = int.Parse(query["qty"], NumberStyles.None, CultureInfo.InvariantCulture);

        Item item;
        if (!Prices.TryGetValue(sku, out item))
        {
            Console.WriteLine(404);
            Console.WriteLine("{\"error\":\"unknown sku\"}");
            return;
        }

        // No JSON library on Mono's default assemblies: build the canonical body by hand,
        // keys already in sorted order.
        var json = new StringBuilder("{");
        json.Append("\"in_stock\":").Append(item.InStock ? "true" : "false");
        json.Append(",\"name\":\"").Append(item.Name).Append('"');
        json.Append(",\"qty\":").Append(Num(qty));
        json.Append(",\"sku\":\"").Append(sku).Append('"');
        json.Append(",\"total_cents\":").Append(Num(item.UnitCents * qty));
        json.Append(",\"unit_cents\":").Append(Num(item.UnitCents));
        json.Append('}');

        Console.WriteLine(200);
        Console.WriteLine(json.ToString());
    }
}
