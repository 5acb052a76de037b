// TODO: this price service must answer with the exact bytes of the shared contract.
// Read one request line from stdin, e.g. "GET /price?sku=A1&qty=3", and print the status
// code on one line and a canonical JSON body on the next: keys sorted, no spaces, e.g.
//   200
//   {"in_stock":true,"name":"apple","qty":3,"sku":"A1","total_cents":360,"unit_cents":120}
// An unknown SKU prints 404 and {"error":"unknown sku"}.
// The lookup is right; the bytes are not. Compare your output with the expected output.
using System.Globalization;
using System.Web;

Dictionary<string, Item> prices = new()
{
    ["A1"] = new("apple", 120, true),
    ["B7"] = new("pear", 95, false),
    ["C3"] = new("plum", 250, true),
};

var requestLine = Console.ReadLine() ?? throw new InvalidOperationException("expected a request line on stdin");
var target = requestLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
var query = HttpUtility.ParseQueryString(target[(target.IndexOf('?') + 1)..]);
var sku = query["sku"] ?? "";
var qty = int.Parse(query["qty"] ?? "", NumberStyles.None, CultureInfo.InvariantCulture);

if (!prices.TryGetValue(sku, out var item))
{
    Console.WriteLine(404);
    Console.WriteLine("""{"error":"unknown sku"}""");
    return;
}

// A flat body is quick to write by hand with a raw string literal, keys already sorted.
var body = string.Create(CultureInfo.InvariantCulture,
    $$"""{"in_stock":{{item.InStock}},"name":"{{item.Name}}","qty":{{qty}},"sku":"{{sku}}","total_cents":{{item.UnitCents * qty}},"unit_cents":{{item.UnitCents}}}""");
Console.WriteLine(200);
Console.WriteLine(body);

record Item(string Name, int UnitCents, bool InStock);
