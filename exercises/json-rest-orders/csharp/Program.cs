// TODO: this /orders resource works, but some answers carry the wrong status
// code. Compare it with the status table in the task and fix the codes.
// Each line: METHOD PATH [name=value ...]; print "METHOD PATH -> STATUS [BODY]".
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

class Program
{
    static readonly Regex Item = new Regex("^/orders/([0-9]+)$");
    static readonly Regex Sku = new Regex("^[A-Za-z0-9]+$");
    static readonly Regex Qty = new Regex("^[1-9][0-9]{0,2}$");
    const string NotFound = "{\"error\":\"not found\"}";
    const string Invalid = "{\"error\":\"invalid order\"}";

    // id -> (sku, qty), kept sorted by id
    static readonly SortedDictionary<int, Tuple<string, int>> Orders = new SortedDictionary<int, Tuple<string, int>>();
    static int nextId = 1;

    static string OrderJson(int id)
    {
        var o = Orders[id];
        return string.Format(CultureInfo.InvariantCulture,
            "{{\"id\":{0},\"qty\":{1},\"sku\":\"{2}\"}}", id, o.Item2, o.Item1);
    }

    static int Create(Dictionary<string, string> fields, out string body)
    {
        string sku, qty;
        fields.TryGetValue("sku", out sku);
        fields.TryGetValue("qty", out qty);
        if (sku == null || qty == null || !Sku.IsMatch(sku) || !Qty.IsMatch(qty))
        {
            body = Invalid;
            return 400;
        }
        int id = nextId++;
        Orders[id] = Tuple.Create(sku, int.Parse(qty, CultureInfo.InvariantCulture));
        body = OrderJson(id);
        return 200;
    }

    static int Handle(string method, string path, Dictionary<string, string> fields, out string body)
    {
        if (path == "/orders")
        {
            if (method == "GET")
            {
                body = "[" + string.Join(",", Orders.Keys.Select(OrderJson)) + "]";
                return 200;
            }
            if (method == "POST") return Create(fields, out body);
            body = NotFound;
            return 404;
        }
        Match m = Item.Match(path);
        int id;
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            body = NotFound;
            return 404;
        }
        if (method != "GET" && method != "DELETE")
        {
            body = NotFound;
            return 404;
        }
        if (!Orders.ContainsKey(id))
        {
            body = NotFound;
            return 404;
        }
        if (method == "GET")
        {
            body = OrderJson(id);
            return 200;
        }
        Orders.Remove(id);
        body = "";
        return 204;
    }

    static void Main()
    {
        var output = new StringBuilder();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] parts = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            var fields = new Dictionary<string, string>();
            foreach (string p in parts.Skip(2))
            {
                int eq = p.IndexOf('=');
                if (eq > 0) fields[p.Substring(0, eq)] = p.Substring(eq + 1);
            }
            string body;
            int status = Handle(parts[0], parts[1], fields, out body);
            output.Append(parts[0]).Append(' ').Append(parts[1]).Append(" -> ")
                  .Append(status.ToString(CultureInfo.InvariantCulture));
            if (body.Length > 0) output.Append(' ').Append(body);
            output.Append('\n');
        }
        Console.Out.Write(output.ToString());
    }
}
