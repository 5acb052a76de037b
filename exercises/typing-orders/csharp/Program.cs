// TODO: stdin holds one order per line: "item price_cents qty". Print each order's
// "item amount" (price_cents * qty) and then "total <sum>"; for "apple 120 3" and
// "pear 95 2" that is apple 360 / pear 190 / total 550, one per line.
// Everything on stdin is text, and the quantity stays text here.
// This program does not compile: read the compiler's message, then convert the quantity.
using System.Globalization;

var total = 0;
while (Console.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line)) continue;
    var order = Order.Parse(line);
    var amount = order.LineTotal;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{order.Item} {amount}"));
    total += amount;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total}"));

record Order(string Item, int PriceCents, int Qty)
{
    public int LineTotal => PriceCents * Qty;

    public static Order Parse(string line)
    {
        string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2]); // the quantity is still text
    }
}
