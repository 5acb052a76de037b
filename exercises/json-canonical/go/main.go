// TODO: make this print canonical JSON: keys sorted by UTF-16 code units (RFC 8785), no
// spaces, and exactly the escapes RFC 8259 requires inside strings (no more, no fewer).
// The input lines are "TYPE PATH VALUE"; see the task for the escaping table.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type object map[string]interface{}

func quote(b *strings.Builder, s string) {
	// Escape the quote and the backslash; everything else is copied as is.
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func encode(b *strings.Builder, v interface{}) {
	switch v := v.(type) {
	case object:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys) // byte order of UTF-8 = code point order
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			quote(b, k)
			b.WriteByte(':')
			encode(b, v[k])
		}
		b.WriteByte('}')
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case string:
		quote(b, v)
	}
}

func main() {
	root := object{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		parts := strings.SplitN(line, " ", 3)
		keys := strings.Split(parts[1], ".")
		node := root
		for _, k := range keys[:len(keys)-1] {
			child, ok := node[k].(object)
			if !ok {
				child = object{}
				node[k] = child
			}
			node = child
		}
		leaf := keys[len(keys)-1]
		if parts[0] == "int" {
			n, err := strconv.ParseInt(parts[2], 10, 64)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bad integer:", parts[2])
				os.Exit(1)
			}
			node[leaf] = n
		} else {
			node[leaf] = parts[2]
		}
	}
	var b strings.Builder
	encode(&b, root)
	text := b.String()
	fmt.Println(text)
	fmt.Println("bytes", len(text)) // a Go string is already UTF-8 bytes
}
