// TODO: read one candidate port per line from stdin and print, for each line:
// "ok N" if the line is only ASCII digits 0-9 with a value from 1 to 65535,
// "error not a number" if it is empty or has any other character (space, sign, "_", ...),
// "error out of range" if it is all digits but 0 or above 65535.
// This starter lets uint16 do the range check. Is every uint16 a port?
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
