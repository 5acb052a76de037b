// TODO: the numbers come out wrong once they need two or more bytes. Fix the varint decoder.
// Decode Item messages by hand from the protobuf wire format:
//
//	message Item { int64 id = 1; string name = 2; int64 stock = 16; }
//
// Each input line is one message as hex bytes. Unknown fields are skipped.
package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

var errMalformed = errors.New("malformed")

func readVarint(data []byte, pos int) (uint64, int, error) {
	var value uint64
	for i := 0; i < 10; i++ { // a 64-bit varint has at most 10 bytes
		if pos >= len(data) {
			return 0, pos, errMalformed
		}
		b := data[pos]
		pos++
		value = value<<7 | uint64(b&0x7f) // append the next 7 bits
		if b < 0x80 {
			return value, pos, nil
		}
	}
	return 0, pos, errMalformed
}

func decode(data []byte) (string, error) {
	var id, stock int64 // proto3 defaults for absent fields
	name := ""
	var skipped []string
	pos := 0
	for pos < len(data) {
		key, next, err := readVarint(data, pos)
		if err != nil {
			return "", err
		}
		pos = next
		field, wireType := key>>3, key&7
		var value uint64
		var payload []byte
		switch wireType {
		case 0:
			if value, pos, err = readVarint(data, pos); err != nil {
				return "", err
			}
		case 2:
			var size uint64
			if size, pos, err = readVarint(data, pos); err != nil {
				return "", err
			}
			if size > uint64(len(data)-pos) { // never trust a length prefix
				return "", errMalformed
			}
			payload = data[pos : pos+int(size)]
			pos += int(size)
		case 1, 5: // I64 and I32: fixed 8 or 4 bytes
			size := 8
			if wireType == 5 {
				size = 4
			}
			if size > len(data)-pos {
				return "", errMalformed
			}
			pos += size
		default:
			return "", errMalformed
		}
		switch {
		case field == 1 && wireType == 0:
			id = int64(value) // the last value seen wins
		case field == 2 && wireType == 2:
			name = string(payload)
		case field == 16 && wireType == 0:
			stock = int64(value)
		default:
			skipped = append(skipped, strconv.FormatUint(field, 10))
		}
	}
	text := fmt.Sprintf(`id=%d name="%s" stock=%d`, id, name, stock)
	if len(skipped) > 0 {
		text += " skipped=" + strings.Join(skipped, ",")
	}
	return text, nil
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := strings.ReplaceAll(strings.TrimSpace(sc.Text()), " ", "")
		if line == "" {
			continue
		}
		data, err := hex.DecodeString(line)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad hex:", err)
			os.Exit(1)
		}
		text, err := decode(data)
		if err != nil {
			fmt.Println("malformed")
			continue
		}
		fmt.Println(text)
	}
}
