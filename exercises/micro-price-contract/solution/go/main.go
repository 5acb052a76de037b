// Reference solution: struct tags give each field its name on the wire.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
)

type item struct {
	name      string
	unitCents int
	inStock   bool
}

var prices = map[string]item{
	"A1": {"apple", 120, true},
	"B7": {"pear", 95, false},
	"C3": {"plum", 250, true},
}

// quote is the response body. encoding/json writes struct fields in declaration order.
type quote struct {
	InStock    bool   `json:"in_stock"`
	Name       string `json:"name"`
	Qty        int    `json:"qty"`
	Sku        string `json:"sku"`
	TotalCents int    `json:"total_cents"`
	UnitCents  int    `json:"unit_cents"`
}

type apiError struct {
	Error string `json:"error"`
}

func respond(status int, body any) {
	b, err := json.Marshal(body)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(status)
	fmt.Println(string(b))
}

func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	fields := strings.Fields(line)
	if len(fields) < 2 {
		fmt.Fprintln(os.Stderr, "expected a request line like: GET /price?sku=A1&qty=3")
		os.Exit(1)
	}
	target, err := url.Parse(fields[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	query := target.Query()
	sku := query.Get("sku")
	qty, err := strconv.Atoi(query.Get("qty"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	it, ok := prices[sku]
	if !ok {
		respond(404, apiError{Error: "unknown sku"})
		return
	}
	respond(200, quote{
		InStock:    it.inStock,
		Name:       it.name,
		Qty:        qty,
		Sku:        sku,
		TotalCents: it.unitCents * qty,
		UnitCents:  it.unitCents,
	})
}
