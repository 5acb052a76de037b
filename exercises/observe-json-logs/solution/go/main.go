// Emit one compact JSON log line per incoming request. Line 1 of the input is
// "seed <16 hex>"; every other line is "<traceparent> <message>".
// Exact form: keys in the fixed order below, no spaces between tokens, strings
// escaped as JSON requires ("  \  and control characters) and nothing else escaped,
// so non-ASCII text and < > & appear as themselves.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// SpanIDs hands out deterministic span ids: seed, seed+1, ... wrapping at 2^64, never
// all zero. (Real SDKs use random ids; a counter keeps this exercise's output fixed.)
type SpanIDs struct{ next uint64 }

func (s *SpanIDs) NewID() string {
	for {
		value := s.next
		s.next++ // uint64 arithmetic wraps around at 2^64
		if value != 0 { // an all-zero span id is invalid
			return fmt.Sprintf("%016x", value)
		}
	}
}

// LogLine fields are encoded in declaration order.
type LogLine struct {
	TraceID        string `json:"trace_id"`
	SpanID         string `json:"span_id"`
	ParentID       string `json:"parent_id"`
	Sampled        bool   `json:"sampled"`
	TraceparentOut string `json:"traceparent_out"`
	Msg            string `json:"msg"`
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan()
	seed, err := strconv.ParseUint(strings.Fields(scanner.Text())[1], 16, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad seed:", err)
		os.Exit(1)
	}
	ids := &SpanIDs{next: seed}

	enc := json.NewEncoder(os.Stdout) // Encode writes one value plus "\n"
	enc.SetEscapeHTML(false)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" {
			continue
		}
		header, msg, _ := strings.Cut(line, " ")
		parts := strings.Split(header, "-")
		traceID, parentID, flags := parts[1], parts[2], parts[3]
		bits, _ := strconv.ParseUint(flags, 16, 8)
		sampled := bits&0x01 == 0x01
		spanID := ids.NewID()
		outFlags := "00"
		if sampled {
			outFlags = "01"
		}
		rec := LogLine{
			TraceID:        traceID,
			SpanID:         spanID,
			ParentID:       parentID,
			Sampled:        sampled,
			TraceparentOut: "00-" + traceID + "-" + spanID + "-" + outFlags,
			Msg:            msg,
		}
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintln(os.Stderr, "encode:", err)
			os.Exit(1)
		}
	}
}
