// WRONG (sequential): calls each function in turn instead of in a goroutine: 20 ms times the number of calls.
// Fan out `count` simulated calls (20 ms of pretend I/O each) at the same time, for
// n = first .. first+count-1 (stdin: "first count"), then print count, sum and the
// first five results in call order. Elapsed time goes to stderr: it is not graded.
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

	var calls []func() int
	for n := first; n < first+count; n++ {
		n := n // Go before 1.22 (and any go.mod saying go 1.21 or lower): one n for the whole loop
		calls = append(calls, func() int { return fakeCall(n) })
	}

	results := make([]int, len(calls))
	var wg sync.WaitGroup
	for k, call := range calls {
		wg.Add(1)
		func(k int, call func() int) { // no go: one call after another
			defer wg.Done()
			results[k] = call()
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
	fmt.Printf("first5 [%s]\n", strings.Join(first5, ", ")) // fmt.Println(results[:5]) would print [0 1 4 9 16]
	fmt.Fprintf(os.Stderr, "elapsed %d ms for %d calls of 20 ms\n", time.Since(start).Milliseconds(), count)
}
