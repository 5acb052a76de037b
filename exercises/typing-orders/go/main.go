// TODO: stdin holds one order per line: "item price_cents qty". Print each order's
// "item amount" (price_cents * qty) and then "total <sum>"; for "apple 120 3" and
// "pear 95 2" that is apple 360 / pear 190 / total 550, one per line.
// Everything on stdin is text, and the quantity stays text here.
// This program does not compile: read the compiler's message, then convert the quantity.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Order struct {
	Item       string
	PriceCents int
	Qty        int
}

func parse(line string) (Order, error) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return Order{}, fmt.Errorf("want item price_cents qty, got %q", line)
	}
	price, err := strconv.Atoi(f[1])
	if err != nil {
		return Order{}, err
	}
	return Order{Item: f[0], PriceCents: price, Qty: f[2]}, nil // the quantity is still text
}

func lineTotal(o Order) int {
	return o.PriceCents * o.Qty
}

func main() {
	total := 0
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		if strings.TrimSpace(in.Text()) == "" {
			continue
		}
		o, err := parse(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		amount := lineTotal(o)
		fmt.Println(o.Item, amount)
		total += amount
	}
	fmt.Println("total", total)
}
