// WRONG (bankers-rounding): math.RoundToEven rounds halves to even: 2.5 becomes 2.
// Turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...". The best value scores 5, the worst 1, the rest
// linearly in between, rounded half up; if all values are equal, everyone scores 3.
package main

import (
	"math"
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
		worst := lo // "higher": the smallest value is the worst
		if f[1] == "lower" {
			worst = hi // "lower": milliseconds, megabytes... the biggest is the worst
		}
		span := hi - lo
		out := []string{f[0]}
		for i, v := range values {
			score := 3
			if span > 0 {
				distance := v - worst
				if distance < 0 {
					distance = -distance
				}
				score = 1 + int(math.RoundToEven(float64(4*distance)/float64(span)))
			}
			out = append(out, fmt.Sprintf("%s=%d", names[i], score))
		}
		fmt.Println(strings.Join(out, " "))
	}
}
