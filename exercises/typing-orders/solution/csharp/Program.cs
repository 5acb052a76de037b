// Reference solution: the quantity is converted with int.Parse where it enters.
// stdin: "item price_cents qty" per line.
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
        // Text becomes a number at the boundary, read the same way whatever the culture.
        return new(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture));
    }
}
