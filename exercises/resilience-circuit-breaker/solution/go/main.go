// A circuit breaker: closed -> open after `threshold` failures in a row -> half-open
// once `cooldown` time units have passed -> closed again if the probe succeeds.
// When the half-open probe FAILS, the breaker opens again for a full new cooldown.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

func (s State) String() string {
	switch s {
	case Closed:
		return "closed"
	case Open:
		return "open"
	default:
		return "half-open"
	}
}

type CircuitBreaker struct {
	threshold, cooldown int
	state               State
	failures            int // consecutive failures while closed
	openedAt            int
	calls, rejected     int
}

func (b *CircuitBreaker) move(now int, next State) {
	fmt.Printf("t=%d state %s -> %s\n", now, b.state, next)
	b.state = next
}

func (b *CircuitBreaker) trip(now int) {
	b.openedAt = now
	b.move(now, Open)
}

// Request handles one request at time now; dependencyOK is what the dependency would answer.
func (b *CircuitBreaker) Request(now int, dependencyOK bool) {
	if b.state == Open {
		if now-b.openedAt < b.cooldown {
			b.rejected++
			fmt.Printf("t=%d open: rejected without calling\n", now)
			return
		}
		b.move(now, HalfOpen)
	}

	b.calls++
	if b.state == HalfOpen {
		if dependencyOK {
			fmt.Printf("t=%d half-open: probe ok\n", now)
			b.failures = 0
			b.move(now, Closed)
		} else {
			fmt.Printf("t=%d half-open: probe failed\n", now)
			b.trip(now)
		}
		return
	}

	if dependencyOK {
		b.failures = 0
		fmt.Printf("t=%d closed: call ok\n", now)
		return
	}
	b.failures++
	fmt.Printf("t=%d closed: call failed (%d/%d)\n", now, b.failures, b.threshold)
	if b.failures >= b.threshold {
		b.trip(now)
	}
}

func main() {
	var lines [][]string
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		if fields := strings.Fields(scanner.Text()); len(fields) > 0 {
			lines = append(lines, fields)
		}
	}
	threshold, _ := strconv.Atoi(lines[0][0])
	cooldown, _ := strconv.Atoi(lines[0][1])
	breaker := &CircuitBreaker{threshold: threshold, cooldown: cooldown}
	for _, fields := range lines[1:] {
		now, _ := strconv.Atoi(fields[0])
		breaker.Request(now, fields[1] == "ok")
	}
	fmt.Printf("summary: calls=%d rejected=%d final=%s\n", breaker.calls, breaker.rejected, breaker.state)
}
