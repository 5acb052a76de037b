// Split CPU-bound work over goroutines. stdin: "n workers".
// Worker w sums f(x) = x*x % 1009 over [w*n/workers, (w+1)*n/workers).
// stdout: "worker w [lo, hi) sum" per worker, then "total t".
// stderr: sequential vs parallel time (not graded).
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func work(lo, hi int64) int64 {
	var sum int64
	for x := lo; x < hi; x++ {
		sum += x * x % 1009
	}
	return sum
}

func main() {
	var n, workers int64
	if _, err := fmt.Fscan(os.Stdin, &n, &workers); err != nil {
		fmt.Fprintln(os.Stderr, "expected: n workers")
		os.Exit(1)
	}
	// Every x in [0, n) lands in exactly one range; sizes differ by at most one.
	lo := make([]int64, workers)
	hi := make([]int64, workers)
	for w := int64(0); w < workers; w++ {
		lo[w] = w * n / workers
		hi[w] = (w + 1) * n / workers
	}

	t0 := time.Now()
	sequential := work(0, n)
	t1 := time.Now()
	parts := make([]int64, workers)
	var wg sync.WaitGroup
	for w := int64(0); w < workers; w++ {
		wg.Add(1)
		go func(w int64) { // pass w in: before Go 1.22 the loop shares one w
			defer wg.Done()
			parts[w] = work(lo[w], hi[w]) // each goroutine owns its slot
		}(w)
	}
	wg.Wait()
	t2 := time.Now()

	var total int64
	for w := int64(0); w < workers; w++ {
		fmt.Printf("worker %d [%d, %d) %d\n", w, lo[w], hi[w], parts[w])
		total += parts[w]
	}
	fmt.Printf("total %d\n", total)
	fmt.Fprintf(os.Stderr, "sequential %d ms (total %d), %d goroutines %d ms\n",
		t1.Sub(t0).Milliseconds(), sequential, workers, t2.Sub(t1).Milliseconds())
}
