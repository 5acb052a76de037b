// WRONG (lock-per-call): a new Mutex on every pass excludes nobody.
// TODO: split CPU-bound work over goroutines. stdin: "n workers".
// Worker w sums f(x) = x*x % 1009 over [w*n/workers, (w+1)*n/workers), one block of
// 1,000 numbers at a time, and adds every block to a running total that all workers share.
// stdout: "worker w [lo, hi) sum" per worker, then "total t".
// Every worker's own sum is right, but the total is too small, and different on every
// run. Make it right, in the way that is idiomatic in Go.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

const block = 1000

// The compiler would inline work and could then move the read of a plain shared total
// next to its write, which hides the race without fixing it. Kept out of line, work
// behaves like a real handler's code. (`go run -race` reports the race either way.)
//
//go:noinline
func work(lo, hi int64) int64 {
	var sum int64
	for x := lo; x < hi; x++ {
		sum += x * x % 1009
	}
	return sum
}

func main() {
	var n, workers int64
	if _, err := fmt.Fscan(os.Stdin, &n, &workers); err != nil || workers < 1 {
		fmt.Fprintln(os.Stderr, "expected: n workers")
		os.Exit(1)
	}
	lo := make([]int64, workers)
	hi := make([]int64, workers)
	for w := int64(0); w < workers; w++ {
		lo[w] = w * n / workers
		hi[w] = (w + 1) * n / workers
	}

	t0 := time.Now()
	sequential := work(0, n)
	t1 := time.Now()
	var total int64 // the running total, shared by every worker
	parts := make([]int64, workers)
	var wg sync.WaitGroup
	for w := int64(0); w < workers; w++ {
		wg.Add(1)
		go func(w int64) { // pass w in: before Go 1.22 the loop shares one w
			defer wg.Done()
			for start := lo[w]; start < hi[w]; start += block {
				end := start + block
				if end > hi[w] {
					end = hi[w]
				}
				var mu sync.Mutex // a new mutex on every pass: nobody else ever waits for it
				mu.Lock()
				current := total
				part := work(start, end)
				total = current + part
				mu.Unlock()
				parts[w] += part         // each goroutine owns its slot
			}
		}(w)
	}
	wg.Wait()
	t2 := time.Now()

	for w := int64(0); w < workers; w++ {
		fmt.Printf("worker %d [%d, %d) %d\n", w, lo[w], hi[w], parts[w])
	}
	fmt.Printf("total %d\n", total)
	fmt.Fprintf(os.Stderr, "sequential %d ms (total %d), %d goroutines %d ms\n",
		t1.Sub(t0).Milliseconds(), sequential, workers, t2.Sub(t1).Milliseconds())
}
