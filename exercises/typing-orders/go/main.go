// TODO: make this print "apple 360", "pear 190" and "total 550", one per line.
// The pear order's quantity arrived as the text "2" instead of the number 2.
// This program does not compile: read the compiler's message, then fix the data.
package main

import "fmt"

type Order struct {
	Item       string
	PriceCents int
	Qty        int
}

func lineTotal(o Order) int {
	return o.PriceCents * o.Qty
}

func main() {
	orders := []Order{
		{Item: "apple", PriceCents: 120, Qty: 3},
		{Item: "pear", PriceCents: 95, Qty: "2"}, // arrived from a web form as text
	}
	total := 0
	for _, o := range orders {
		amount := lineTotal(o)
		fmt.Println(o.Item, amount)
		total += amount
	}
	fmt.Println("total", total)
}
