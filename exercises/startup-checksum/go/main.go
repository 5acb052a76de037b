// TODO: read n (the number of steps) from stdin and print the checksum as a signed
// 64-bit integer, the value Java's long and C#'s long hold after the same n steps.
// Only stdout is graded; the timings go to stderr and may stay as they are.
package main

import (
	"fmt"
	"os"
	"time"
)

// kernel computes acc = acc*31 + i*i for i in 0..n-1. Go's fixed-size
// integers wrap around on overflow, which is what a checksum wants.
func kernel(n int) uint64 {
	var acc uint64
	for i := 0; i < n; i++ {
		acc = acc*31 + uint64(i*i)
	}
	return acc
}

func main() {
	var n int
	if _, err := fmt.Fscan(os.Stdin, &n); err != nil {
		fmt.Fprintln(os.Stderr, "expected the number of steps on stdin:", err)
		os.Exit(1)
	}
	var results [2]uint64
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
