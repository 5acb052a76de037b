// Reference solution: the quantity is converted with strconv.Atoi where it enters.
// stdin: "item price_cents qty" per line.
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
	qty, err := strconv.Atoi(f[2]) // text becomes a number at the boundary
	if err != nil {
		return Order{}, err
	}
	return Order{Item: f[0], PriceCents: price, Qty: qty}, nil
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
