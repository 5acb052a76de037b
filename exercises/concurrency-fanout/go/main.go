// TODO: fan out 100 simulated calls at once and print
//   count 100
//   sum 328350
//   first5 [0, 1, 4, 9, 16]
// (call n returns n*n). The fan-out itself works, and is fast, but the
// numbers are wrong. Find out what each call is really called with, and fix it.
// This exercise is built with `go 1.19` in go.mod.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

func fakeCall(n int) int {
	time.Sleep(20 * time.Millisecond) // a blocked goroutine costs a few KB, not an OS thread
	return n * n
}

func main() {
	start := time.Now()

	// Prepare the calls first, start them all together afterwards.
	var calls []func() int
	for i := 0; i < 100; i++ {
		calls = append(calls, func() int { return fakeCall(i) })
	}

	results := make([]int, len(calls))
	var wg sync.WaitGroup
	for k, call := range calls {
		wg.Add(1)
		go func(k int, call func() int) {
			defer wg.Done()
			results[k] = call() // each goroutine writes its own slot: no lock needed
		}(k, call)
	}
	wg.Wait()

	sum := 0
	for _, r := range results {
		sum += r
	}
	first := make([]string, 5)
	for k := range first {
		first[k] = strconv.Itoa(results[k])
	}
	fmt.Printf("count %d\n", len(results))
	fmt.Printf("sum %d\n", sum)
	fmt.Printf("first5 [%s]\n", strings.Join(first, ", "))
	fmt.Fprintf(os.Stderr, "elapsed %d ms for 100 calls of 20 ms\n", time.Since(start).Milliseconds())
}
