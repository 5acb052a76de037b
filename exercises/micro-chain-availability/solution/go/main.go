// Reference solution: the request succeeds only if every service is up, so the
// availabilities multiply. Each extra hop can only lower the result.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const (
	ppm              = 1_000_000
	minutesPer30Days = 30 * 24 * 60
)

// parsePPM turns "99.95" into 999500 and "100" into 1000000 without going through a float.
func parsePPM(percent string) (int64, error) {
	whole, frac, _ := strings.Cut(percent, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseInt((frac + "0000")[:4], 10, 64)
	if err != nil {
		return 0, err
	}
	return w*10_000 + f, nil
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	services := 0
	chain := int64(ppm)
	for in.Scan() {
		fields := strings.Fields(in.Text())
		if len(fields) != 2 {
			continue
		}
		a, err := parsePPM(fields[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		services++
		chain = chain * a / ppm // at most 10^12: fits easily in an int64
	}
	downtime := (ppm - chain) * minutesPer30Days / ppm
	fmt.Printf("services %d\n", services)
	fmt.Printf("availability %d.%04d%%\n", chain/10_000, chain%10_000)
	fmt.Printf("downtime %d min per 30 days\n", downtime)
}
