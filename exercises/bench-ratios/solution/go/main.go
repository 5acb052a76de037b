// Print each framework's throughput relative to the slowest one, as a whole number
// rounded half up ("3x"), highest first, equal ratios in alphabetical order.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type result struct {
	name  string
	rps   int64
	ratio int64
}

// ratioHalfUp is value/base rounded to the nearest integer, halves up, without floats.
func ratioHalfUp(value, base int64) int64 {
	return (2*value + base) / (2 * base)
}

func main() {
	var results []result
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan() // skip the header
	for scanner.Scan() {
		row := strings.TrimSpace(scanner.Text())
		if row == "" {
			continue
		}
		parts := strings.Split(row, ",")
		rps, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad row:", row)
			os.Exit(1)
		}
		results = append(results, result{name: parts[0], rps: rps})
	}

	slowest := results[0].rps
	for _, r := range results {
		if r.rps < slowest {
			slowest = r.rps
		}
	}
	for i := range results {
		results[i].ratio = ratioHalfUp(results[i].rps, slowest)
	}
	sort.Slice(results, func(i, j int) bool {
		if results[i].ratio != results[j].ratio {
			return results[i].ratio > results[j].ratio
		}
		return results[i].name < results[j].name
	})
	for _, r := range results {
		fmt.Printf("%s %dx\n", r.name, r.ratio)
	}
}
