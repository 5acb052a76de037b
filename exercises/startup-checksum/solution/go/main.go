// The kernel of a tiny benchmark: a checksum over n steps (n read from stdin) that wraps
// like a signed 64-bit integer. Timings go to stderr; only the checksum is graded.
package main

import (
	"fmt"
	"os"
	"time"
)

// kernel computes acc = acc*31 + i*i for i in 0..n-1. Go's fixed-size
// integers wrap around on overflow, which is what a checksum wants.
func kernel(n int) int64 {
	var acc int64
	for i := 0; i < n; i++ {
		acc = acc*31 + int64(i)*int64(i)
	}
	return acc
}

func main() {
	var n int
	if _, err := fmt.Fscan(os.Stdin, &n); err != nil {
		fmt.Fprintln(os.Stderr, "expected the number of steps on stdin:", err)
		os.Exit(1)
	}
	var results [2]int64
	for run, name := range []string{"cold", "warm"} {
		start := time.Now()
		results[run] = kernel(n)
		fmt.Fprintf(os.Stderr, "%s run: %v\n", name, time.Since(start))
	}
	if results[0] != results[1] {
		fmt.Fprintln(os.Stderr, "the two runs disagree")
		os.Exit(1)
	}
	fmt.Printf("checksum %d\n", results[0])
}
