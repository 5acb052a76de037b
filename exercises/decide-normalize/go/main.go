// TODO: turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...": "lower" means smaller is better (milliseconds,
// megabytes, errors), "higher" means bigger is better. The best value scores 5, the worst 1,
// the rest linearly in between, rounded half up; if all values are equal, everyone scores 3.
// Print "metric name=score ..." in input order.
// Right now Java's 1900 ms startup gets a 5. Which field of the line is being ignored?
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		f := strings.Fields(scanner.Text())
		if len(f) < 3 {
			continue
		}
		names := make([]string, 0, len(f)-2)
		values := make([]int, 0, len(f)-2)
		for _, pair := range f[2:] {
			name, raw, _ := strings.Cut(pair, "=")
			v, _ := strconv.Atoi(raw)
			names = append(names, name)
			values = append(values, v)
		}
		lo, hi := values[0], values[0]
		for _, v := range values {
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
		worst := lo
		span := hi - lo
		out := []string{f[0]}
		for i, v := range values {
			score := 3
			if span > 0 {
				distance := v - worst
				if distance < 0 {
					distance = -distance
				}
				score = 1 + (8*distance+span)/(2*span) // round half up, integers only
			}
			out = append(out, fmt.Sprintf("%s=%d", names[i], score))
		}
		fmt.Println(strings.Join(out, " "))
	}
}
