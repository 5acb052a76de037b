// Reference solution: Qty is an int, so the argument is the number 2.
// (If the text "2" really comes from outside, convert it where it enters: int.Parse.)
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
            new Order("pear", 95, 2),
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
