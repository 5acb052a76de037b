// TODO: read "framework,requests_per_second" rows from stdin (after a header line)
// and print each framework's speed relative to the slowest one as a whole number
// with an "x": rounded to the nearest integer, halves rounded UP (2.5 -> 3x).
// Highest ratio first; equal ratios in alphabetical order. Some ratios come out
// one too low.
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
		results[i].ratio = results[i].rps / slowest
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
