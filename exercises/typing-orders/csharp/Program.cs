// TODO: make this print the two order lines and the total:
//   apple 360 / pear 190 / total 550, one per line.
// The pear order's quantity arrived as the text "2" instead of the number 2.
// This program does not compile: read the compiler's message, then fix the data.
using System.Globalization;

Order[] orders =
[
    new("apple", 120, 3),
    new("pear", 95, "2"), // arrived from a web form as text
];
var total = 0;
foreach (var order in orders)
{
    var amount = order.LineTotal;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{order.Item} {amount}"));
    total += amount;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total}"));

record Order(string Item, int PriceCents, int Qty)
{
    public int LineTotal => PriceCents * Qty;
}
