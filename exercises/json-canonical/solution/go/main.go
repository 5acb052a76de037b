// Canonical JSON: read "TYPE PATH VALUE" lines, build nested objects, print them with keys in
// RFC 8785 order (by UTF-16 code units), no spaces, and only the escapes RFC 8259 requires.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

type object map[string]interface{}

func quote(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r) // <, &, é, / and emoji stay as they are
			}
		}
	}
	b.WriteByte('"')
}

// lessUTF16 is RFC 8785's key order: compare UTF-16 code units. sort.Strings compares UTF-8
// bytes, that is code points, and puts U+E000..U+FFFF before an emoji; in UTF-16 an emoji is
// a surrogate pair (D800..DFFF) and comes first.
func lessUTF16(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

func encode(b *strings.Builder, v interface{}) {
	switch v := v.(type) {
	case object:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return lessUTF16(keys[i], keys[j]) })
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
