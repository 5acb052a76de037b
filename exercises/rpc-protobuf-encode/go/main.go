// TODO: the bytes are wrong for numbers of 128 and up. Fix the varint encoder.
// Encode Item messages by hand in the protobuf wire format:
//
//	message Item { int64 id = 1; string name = 2; int64 stock = 16; }
//
// Each input line holds name=value pairs; print the encoded bytes as hex.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const (
	wireVarint = 0
	wireLen    = 2
)

func appendVarint(buf []byte, n uint64) []byte {
	for n >= 0x80 {
		buf = append(buf, byte(n&0x7f)) // low 7 bits first
		n >>= 7
	}
	return append(buf, byte(n))
}

func appendTag(buf []byte, field, wireType uint64) []byte {
	return appendVarint(buf, field<<3|wireType)
}

func parseInt(fields map[string]string, key string) uint64 {
	s, ok := fields[key]
	if !ok {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bad %s: %q\n", key, s)
		os.Exit(1)
	}
	return uint64(n) // int64 goes on the wire as its two's complement bits
}

func encode(fields map[string]string) []byte {
	var buf []byte
	id, name, stock := parseInt(fields, "id"), fields["name"], parseInt(fields, "stock")
	if id != 0 { // proto3 does not write default values
		buf = appendTag(buf, 1, wireVarint)
		buf = appendVarint(buf, id)
	}
	if name != "" {
		buf = appendTag(buf, 2, wireLen)
		buf = appendVarint(buf, uint64(len(name))) // len of a Go string counts UTF-8 bytes
		buf = append(buf, name...)
	}
	if stock != 0 {
		buf = appendTag(buf, 16, wireVarint)
		buf = appendVarint(buf, stock)
	}
	return buf
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		fields := map[string]string{}
		for _, p := range strings.Fields(sc.Text()) {
			if k, v, ok := strings.Cut(p, "="); ok {
				fields[k] = v
			}
		}
		if len(fields) == 0 {
			continue
		}
		data := encode(fields)
		if len(data) == 0 {
			fmt.Println("(empty)")
			continue
		}
		hex := make([]string, len(data))
		for i, b := range data {
			hex[i] = fmt.Sprintf("%02x", b)
		}
		fmt.Println(strings.Join(hex, " "))
	}
}
