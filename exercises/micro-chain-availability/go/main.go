// TODO: each stdin line names a service and its availability in percent ("orders 99.9").
// One request calls every listed service in turn and fails if any one of them is down.
// Print how often the whole request succeeds (assume failures are independent):
// "services N", then "availability P%" with exactly 4 decimals (e.g. 99.6503%),
// then "downtime M min per 30 days" with M rounded down.
// Work in whole parts per million (ppm): 99.95% is 999500 ppm. After each step, round the
// chain's ppm down to a whole number. This starter gets the combining rule wrong.
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
		// A chain is only as strong as its weakest link... isn't it?
		if a < chain {
			chain = a
		}
	}
	downtime := (ppm - chain) * minutesPer30Days / ppm
	fmt.Printf("services %d\n", services)
	fmt.Printf("availability %d.%04d%%\n", chain/10_000, chain%10_000)
	fmt.Printf("downtime %d min per 30 days\n", downtime)
}
