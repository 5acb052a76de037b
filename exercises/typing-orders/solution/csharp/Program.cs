// Reference solution: Qty is an int, so the argument is the number 2.
// (If the text "2" really comes from outside, convert it where it enters:
// int.Parse(raw, CultureInfo.InvariantCulture), or int.TryParse to handle bad input.)
using System.Globalization;

Order[] orders =
[
    new("apple", 120, 3),
    new("pear", 95, 2),
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
