// Reference solution: Qty is an int, so the literal is the number 2.
// (If the text "2" really comes from outside, convert it where it enters: strconv.Atoi.)
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
		{Item: "pear", PriceCents: 95, Qty: 2},
	}
	total := 0
	for _, o := range orders {
		amount := lineTotal(o)
		fmt.Println(o.Item, amount)
		total += amount
	}
	fmt.Println("total", total)
}
