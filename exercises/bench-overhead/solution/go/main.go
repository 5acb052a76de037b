// Benchmark the handler `price`. stdin: "calls N", then one request per line
// ("qty unit_cents discount_pct"). Parse first and warm up with N calls, both off the
// clock; then time N calls with a monotonic clock. Every result goes into the checksum.
// stdout: the meter's report of what ran on and off the clock; stderr: ns per call.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type request struct{ qty, unitCents, discountPct int64 }

// price is the handler under test: what one order line costs, in cents.
func price(r request) int64 {
	return r.qty * r.unitCents * (100 - r.discountPct) / 100
}

// meter counts parses and handler calls, and which of them ran while its clock was
// running. start and stop work like a stopwatch: the time of every start..stop adds up.
type meter struct {
	parsed, calls               int64
	parsedOnClock, callsOnClock int64
	elapsed                     time.Duration
	started                     time.Time // time.Now carries a monotonic clock reading
	parsedAtStart, callsAtStart int64
}

func (m *meter) parse(line string) (request, error) {
	m.parsed++
	f := strings.Fields(line)
	if len(f) != 3 {
		return request{}, fmt.Errorf("want qty unit_cents discount_pct, got %q", line)
	}
	var n [3]int64
	for i, s := range f {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return request{}, err
		}
		n[i] = v
	}
	return request{n[0], n[1], n[2]}, nil
}

func (m *meter) call(r request) int64 {
	m.calls++
	return price(r)
}

func (m *meter) start() {
	m.parsedAtStart, m.callsAtStart = m.parsed, m.calls
	m.started = time.Now()
}

func (m *meter) stop() {
	m.elapsed += time.Since(m.started)
	m.parsedOnClock += m.parsed - m.parsedAtStart
	m.callsOnClock += m.calls - m.callsAtStart
}

func (m *meter) report(requests int, checksum int64) {
	fmt.Printf("requests %d\n", requests)
	fmt.Printf("checksum %d\n", checksum)
	fmt.Printf("on the clock: %d parsed, %d calls\n", m.parsedOnClock, m.callsOnClock)
	fmt.Printf("off the clock: %d parsed, %d calls\n", m.parsed-m.parsedOnClock, m.calls-m.callsOnClock)
	fmt.Println("clock: monotonic") // time.Since uses the monotonic reading that time.Now carries
	if m.callsOnClock > 0 {
		perCall := float64(m.elapsed.Nanoseconds()) / float64(m.callsOnClock)
		fmt.Fprintf(os.Stderr, "%.1f ns per call on the clock\n", perCall)
	}
}

// run calls the handler n times, cycling through the requests, and returns the sum of
// the results. Using every result matters: the compiler inlines price and deletes a
// computation whose result nobody reads, and then the loop times nothing.
func run(m *meter, requests []request, n int) int64 {
	var sum int64
	for i := 0; i < n; i++ {
		sum += m.call(requests[i%len(requests)])
	}
	return sum
}

func main() {
	var m meter
	sc := bufio.NewScanner(os.Stdin)
	var calls int
	var requests []request
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "calls "):
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "calls ")))
			if err != nil {
				fmt.Fprintln(os.Stderr, "bad line:", line)
				os.Exit(1)
			}
			calls = n
		default:
			r, err := m.parse(line)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			requests = append(requests, r)
		}
	}

	checksum := run(&m, requests, calls) // warm-up, off the clock (no JIT here, but caches and branch predictors)

	m.start()
	checksum += run(&m, requests, calls)
	m.stop()

	m.report(len(requests), checksum)
}
