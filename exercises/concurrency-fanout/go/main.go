// TODO: stdin holds "first count". Fan out `count` simulated calls at once, one
// for each n = first, first+1, ..., first+count-1 (call n returns n*n), and print
//   count <number of results>
//   sum <sum of the results>
//   first5 [<the first five results, in call order>]
// The fan-out itself works, and is fast, but the numbers are wrong.
// Find out what each call is really called with, and fix it.
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
	var first, count int
	if _, err := fmt.Fscan(os.Stdin, &first, &count); err != nil {
		fmt.Fprintln(os.Stderr, "expected: first count")
		os.Exit(1)
	}
	start := time.Now()

	// Prepare the calls first, start them all together afterwards.
	var calls []func() int
	for n := first; n < first+count; n++ {
		calls = append(calls, func() int { return fakeCall(n) })
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
	var first5 []string
	for k, r := range results {
		sum += r
		if k < 5 {
			first5 = append(first5, strconv.Itoa(r))
		}
	}
	fmt.Printf("count %d\n", len(results))
	fmt.Printf("sum %d\n", sum)
	fmt.Printf("first5 [%s]\n", strings.Join(first5, ", "))
	fmt.Fprintf(os.Stderr, "elapsed %d ms for %d calls of 20 ms\n", time.Since(start).Milliseconds(), count)
}
