// Summarise an AWS Lambda log: invocations, cold starts, the P50 (nearest rank) and
// maximum of the cold starts' Init Duration, and the P50 of the warm Durations.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// field returns the value of "Name: 12.34 ms" in a REPORT line, as the logged text.
func field(fields []string, name string) (string, bool) {
	prefix := name + ": "
	for _, f := range fields {
		if strings.HasPrefix(f, prefix) {
			return strings.TrimSuffix(strings.TrimPrefix(f, prefix), " ms"), true
		}
	}
	return "", false
}

// ms parses a logged duration such as "243.90".
func ms(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad duration:", s)
		os.Exit(1)
	}
	return v
}

// sorted returns the values in ascending numeric order, leaving the input alone.
// The strings stay as logged; only the comparison parses them.
func sorted(values []string) []string {
	out := append([]string(nil), values...)
	sort.Slice(out, func(i, j int) bool { return ms(out[i]) < ms(out[j]) })
	return out
}

// p50 is the nearest-rank median: the smallest value with at least half the values <= it.
func p50(values []string) string {
	s := sorted(values)
	return s[(len(s)+1)/2-1]
}

func main() {
	var inits, warm []string
	invocations := 0
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.HasPrefix(line, "REPORT ") {
			continue
		}
		invocations++
		fields := strings.Split(line, "\t")
		if init, ok := field(fields, "Init Duration"); ok {
			inits = append(inits, init) // keep the logged text so we print it unchanged
		} else if d, ok := field(fields, "Duration"); ok {
			warm = append(warm, d)
		}
	}

	s := sorted(inits)
	fmt.Printf("invocations %d\n", invocations)
	fmt.Printf("cold_starts %d\n", len(inits))
	fmt.Printf("init_p50_ms %s\n", p50(inits))
	fmt.Printf("init_max_ms %s\n", s[len(s)-1])
	fmt.Printf("warm_p50_ms %s\n", p50(warm))
}
