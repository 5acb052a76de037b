// Retry a flaky dependency with capped exponential backoff.
// Retry only TRANSIENT failures (timeout, unavailable); a PERMANENT failure
// (bad_request, not_found) will fail the same way every time, so give up at once.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// TransientError is a failure that may go away if we try again.
type TransientError struct{ Reason string }

func (e *TransientError) Error() string { return e.Reason }

// PermanentError is a failure that will happen again on every attempt.
type PermanentError struct{ Reason string }

func (e *PermanentError) Error() string { return e.Reason }

// FakeDependency plays back a script of outcomes; it answers "ok" once the script runs out.
type FakeDependency struct {
	script []string
	calls  int
}

func (d *FakeDependency) Call() (string, error) {
	outcome := "ok"
	if d.calls < len(d.script) {
		outcome = d.script[d.calls]
	}
	d.calls++
	switch outcome {
	case "ok":
		return "ok", nil
	case "timeout", "unavailable":
		return "", fmt.Errorf("calling dependency: %w", &TransientError{outcome})
	default:
		return "", fmt.Errorf("calling dependency: %w", &PermanentError{outcome})
	}
}

// backoffMs is the delay before retry number retry (0-based): base * 2^retry, never above limit.
func backoffMs(base, limit int64, retry int) int64 {
	delay := base << uint(retry)
	if delay > limit || delay <= 0 { // <= 0: shifted past the top bit
		return limit
	}
	return delay
}

// reason unwraps err down to the name of the failure ("timeout", "bad_request", ...).
func reason(err error) string {
	var t *TransientError
	if errors.As(err, &t) {
		return t.Reason
	}
	var p *PermanentError
	if errors.As(err, &p) {
		return p.Reason
	}
	return err.Error()
}

func callWithRetry(dep *FakeDependency, base, limit int64, maxAttempts int) string {
	var waited int64
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		_, err := dep.Call()
		if err == nil {
			fmt.Printf("  attempt %d: ok\n", attempt)
			return fmt.Sprintf("ok attempts=%d backoff_ms=%d", attempt, waited)
		}
		var transient *TransientError
		if !errors.As(err, &transient) {
			fmt.Printf("  attempt %d: %s -> not retryable, giving up\n", attempt, reason(err))
			return fmt.Sprintf("error=%s attempts=%d backoff_ms=%d", reason(err), attempt, waited)
		}
		if attempt == maxAttempts {
			fmt.Printf("  attempt %d: %s -> no attempts left\n", attempt, reason(err))
			return fmt.Sprintf("error=%s attempts=%d backoff_ms=%d", reason(err), attempt, waited)
		}
		delay := backoffMs(base, limit, attempt-1)
		fmt.Printf("  attempt %d: %s -> retry in %d ms\n", attempt, reason(err), delay)
		waited += delay // a real client would time.Sleep(time.Duration(delay) * time.Millisecond)
	}
	return "error=no_attempts attempts=0 backoff_ms=0"
}

func main() {
	var lines [][]string
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		if fields := strings.Fields(scanner.Text()); len(fields) > 0 {
			lines = append(lines, fields)
		}
	}
	base, _ := strconv.ParseInt(lines[0][0], 10, 64)
	limit, _ := strconv.ParseInt(lines[0][1], 10, 64)
	maxAttempts, _ := strconv.Atoi(lines[0][2])
	for i, script := range lines[1:] {
		fmt.Printf("scenario %d: %s\n", i+1, strings.Join(script, " "))
		result := callWithRetry(&FakeDependency{script: script}, base, limit, maxAttempts)
		fmt.Printf("  result: %s\n", result)
	}
}
