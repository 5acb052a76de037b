// Reference solution: ParseUint with bitSize 16 rejects signs, spaces, "_" and anything
// above 65535; the one value a uint16 allows that a port does not is 0.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
)

var (
	errNotANumber = errors.New("not a number")
	errOutOfRange = errors.New("out of range")
)

func parsePort(s string) (uint16, error) {
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, errOutOfRange
		}
		return 0, errNotANumber
	}
	if n == 0 {
		return 0, errOutOfRange
	}
	return uint16(n), nil
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		port, err := parsePort(in.Text())
		if err != nil {
			fmt.Println("error", err)
			continue
		}
		fmt.Println("ok", port)
	}
}
