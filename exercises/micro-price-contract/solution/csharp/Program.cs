// Reference solution: let System.Text.Json write the body. It writes JSON's lowercase
// true/false (bool.ToString() gives "True"), escapes strings, and its naming policy maps
// InStock to the contract's in_stock.
using System.Globalization;
using System.Text.Json;
using System.Web;

Dictionary<string, Item> prices = new()
{
    ["A1"] = new("apple", 120, true),
    ["B7"] = new("pear", 95, false),
    ["C3"] = new("plum", 250, true),
};

// Compact output is the default; SnakeCaseLower (.NET 8+) names InStock "in_stock".
JsonSerializerOptions json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

var requestLine = Console.ReadLine() ?? throw new InvalidOperationException("expected a request line on stdin");
var target = requestLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
var query = HttpUtility.ParseQueryString(target[(target.IndexOf('?') + 1)..]);
var sku = query["sku"] ?? "";
var qty = int.Parse(query["qty"] ?? "", NumberStyles.None, CultureInfo.InvariantCulture);

if (prices.TryGetValue(sku, out var item))
{
    Respond(200, new Quote(item.InStock, item.Name, qty, sku, item.UnitCents * qty, item.UnitCents));
}
else
{
    Respond(404, new ApiError("unknown sku"));
}

void Respond<T>(int status, T body)
{
    Console.WriteLine(status);
    Console.WriteLine(JsonSerializer.Serialize(body, json));
}

record Item(string Name, int UnitCents, bool InStock);

// The response bodies. System.Text.Json writes properties in declaration order, so these
// are declared in the contract's (sorted) key order.
record Quote(bool InStock, string Name, int Qty, string Sku, int TotalCents, int UnitCents);

record ApiError(string Error);
