// A tiny REST resource, /orders, driven by request lines on stdin.
// Each line: METHOD PATH [name=value ...]; print "METHOD PATH -> STATUS [BODY]".
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web); // camelCase: id, qty, sku
var orders = new SortedDictionary<int, Order>(); // kept sorted by id
var nextId = 1;
var notFound = new Reply(404, """{"error":"not found"}""");
var notAllowed = new Reply(405, """{"error":"method not allowed"}""");
var invalid = new Reply(400, """{"error":"invalid order"}""");
char[] blanks = [' ', '\t'];

while (Console.ReadLine() is { } line)
{
    if (line.Split(blanks, StringSplitOptions.RemoveEmptyEntries) is not [var method, var path, .. var pairs])
        continue;
    var fields = new Dictionary<string, string>();
    foreach (var pair in pairs)
    {
        if (pair.Split('=', 2) is [{ Length: > 0 } name, var value])
            fields[name] = value;
    }
    var (status, body) = Handle(method, path, fields);
    var reply = string.Create(CultureInfo.InvariantCulture, $"{method} {path} -> {status}");
    Console.WriteLine(body.Length > 0 ? $"{reply} {body}" : reply);
}

Reply Handle(string method, string path, Dictionary<string, string> fields)
{
    if (path == "/orders")
    {
        return method switch
        {
            "GET" => new(200, JsonSerializer.Serialize(orders.Values, json)),
            "POST" => Create(fields),
            _ => notAllowed, // the resource exists; this method does not
        };
    }
    if (Patterns.OrderPath().Match(path) is not { Success: true } match
        || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        return notFound;
    if (method is not ("GET" or "DELETE"))
        return notAllowed;
    if (!orders.TryGetValue(id, out var order))
        return notFound;
    if (method == "GET")
        return new(200, JsonSerializer.Serialize(order, json));
    orders.Remove(id);
    return new(204, ""); // 204 No Content: success, empty body
}

Reply Create(Dictionary<string, string> fields)
{
    if (fields.GetValueOrDefault("sku") is not { } sku || !Patterns.Sku().IsMatch(sku)
        || fields.GetValueOrDefault("qty") is not { } qty || !Patterns.Qty().IsMatch(qty))
        return invalid;
    var order = new Order(nextId++, int.Parse(qty, CultureInfo.InvariantCulture), sku);
    orders[order.Id] = order;
    return new(201, JsonSerializer.Serialize(order, json)); // 201 Created: a new resource exists now
}

record Order(int Id, int Qty, string Sku);

readonly record struct Reply(int Status, string Body);

static partial class Patterns
{
    [GeneratedRegex("^/orders/([0-9]+)$")]
    public static partial Regex OrderPath();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    public static partial Regex Sku();

    [GeneratedRegex("^[1-9][0-9]{0,2}$")]
    public static partial Regex Qty();
}
