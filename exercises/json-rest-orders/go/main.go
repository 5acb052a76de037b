// TODO: this /orders resource works, but some answers carry the wrong status
// code. Compare it with the status table in the task and fix the codes.
// Each line: METHOD PATH [name=value ...]; print "METHOD PATH -> STATUS [BODY]".
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type order struct {
	sku string
	qty int
}

var (
	item = regexp.MustCompile(`^/orders/([0-9]+)$`)
	sku  = regexp.MustCompile(`^[A-Za-z0-9]+$`)
	qty  = regexp.MustCompile(`^[1-9][0-9]{0,2}$`)
)

const (
	notFound = `{"error":"not found"}`
	invalid  = `{"error":"invalid order"}`
)

type store struct {
	orders map[int]order
	nextID int
}

func (s *store) orderJSON(id int) string {
	o := s.orders[id]
	return fmt.Sprintf(`{"id":%d,"qty":%d,"sku":"%s"}`, id, o.qty, o.sku)
}

func (s *store) create(fields map[string]string) (int, string) {
	if !sku.MatchString(fields["sku"]) || !qty.MatchString(fields["qty"]) {
		return 400, invalid
	}
	n, err := strconv.Atoi(fields["qty"])
	if err != nil {
		return 400, invalid
	}
	id := s.nextID
	s.nextID++
	s.orders[id] = order{sku: fields["sku"], qty: n}
	return 200, s.orderJSON(id)
}

func (s *store) handle(method, path string, fields map[string]string) (int, string) {
	if path == "/orders" {
		switch method {
		case "GET":
			ids := make([]int, 0, len(s.orders))
			for id := range s.orders {
				ids = append(ids, id)
			}
			sort.Ints(ids) // map iteration order is random in Go
			parts := make([]string, len(ids))
			for i, id := range ids {
				parts[i] = s.orderJSON(id)
			}
			return 200, "[" + strings.Join(parts, ",") + "]"
		case "POST":
			return s.create(fields)
		}
		return 404, notFound
	}
	m := item.FindStringSubmatch(path)
	if m == nil {
		return 404, notFound
	}
	if method != "GET" && method != "DELETE" {
		return 404, notFound
	}
	id, err := strconv.Atoi(m[1])
	if err != nil {
		return 404, notFound
	}
	if _, ok := s.orders[id]; !ok {
		return 404, notFound
	}
	if method == "GET" {
		return 200, s.orderJSON(id)
	}
	delete(s.orders, id)
	return 204, ""
}

func main() {
	s := &store{orders: map[int]order{}, nextID: 1}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		parts := strings.Fields(sc.Text())
		if len(parts) < 2 {
			continue
		}
		fields := map[string]string{}
		for _, p := range parts[2:] {
			if k, v, ok := strings.Cut(p, "="); ok {
				fields[k] = v
			}
		}
		status, body := s.handle(parts[0], parts[1], fields)
		line := fmt.Sprintf("%s %s -> %d", parts[0], parts[1], status)
		if body != "" {
			line += " " + body
		}
		fmt.Println(line)
	}
}
