// WRONG (hard-coded): prints the example's answer without reading the orders.
Console.WriteLine("apple 360");
Console.WriteLine("pear 190");
Console.WriteLine("total 550");
