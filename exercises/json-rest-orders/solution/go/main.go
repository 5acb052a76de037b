// A tiny REST resource, /orders, driven by request lines on stdin.
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
	notFound   = `{"error":"not found"}`
	notAllowed = `{"error":"method not allowed"}`
	invalid    = `{"error":"invalid order"}`
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
	return 201, s.orderJSON(id) // 201 Created: a new resource exists now
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
		return 405, notAllowed // the resource exists; this method does not
	}
	m := item.FindStringSubmatch(path)
	if m == nil {
		return 404, notFound
	}
	if method != "GET" && method != "DELETE" {
		return 405, notAllowed
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
	return 204, "" // 204 No Content: success, empty body
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
