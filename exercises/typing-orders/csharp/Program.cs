// TODO: make this print the two order lines and the total:
//   apple 360 / pear 190 / total 550, one per line.
// The pear order's quantity arrived as the text "2" instead of the number 2.
// This program does not compile: read the compiler's message, then fix the data.
using System;
using System.Collections.Generic;

sealed class Order
{
    public string Item { get; }
    public int PriceCents { get; }
    public int Qty { get; }

    public Order(string item, int priceCents, int qty)
    {
        Item = item;
        PriceCents = priceCents;
        Qty = qty;
    }

    public int LineTotal() => PriceCents * Qty;
}

static class Program
{
    static void Main()
    {
        var orders = new List<Order>
        {
            new Order("apple", 120, 3),
            new Order("pear", 95, "2"), // arrived from a web form as text
        };
        int total = 0;
        foreach (var order in orders)
        {
            int amount = order.LineTotal();
            Console.WriteLine(order.Item + " " + amount);
            total += amount;
        }
        Console.WriteLine("total " + total);
    }
}
