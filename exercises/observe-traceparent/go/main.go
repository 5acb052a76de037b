// TODO: validate W3C traceparent headers, one per input line, exactly as the spec says:
// version-traceid-parentid-flags, LOWERCASE hex of lengths 2-32-16-2, version ff is
// invalid, an all-zero trace-id or parent-id is invalid. Version 00 has exactly four
// fields; a higher version may append more ("-..."), which we ignore.
// Some headers that the spec rejects still come out "valid" here. Make the hex check
// follow the spec's grammar instead of what Go's encoding/hex happens to accept.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// isHex reports whether field is length hex characters.
func isHex(field string, length int) bool {
	_, err := hex.DecodeString(field)
	return err == nil && len(field) == length
}

// check returns the output line for one header.
func check(header string) string {
	parts := strings.Split(header, "-")
	version := parts[0]
	if !isHex(version, 2) || version == "ff" {
		return "invalid: bad version"
	}
	if len(parts) < 4 || (version == "00" && len(parts) != 4) {
		return "invalid: expected 4 fields"
	}
	traceID, parentID, flags := parts[1], parts[2], parts[3]
	if !isHex(traceID, 32) {
		return "invalid: bad trace-id"
	}
	if traceID == strings.Repeat("0", 32) {
		return "invalid: zero trace-id"
	}
	if !isHex(parentID, 16) {
		return "invalid: bad parent-id"
	}
	if parentID == strings.Repeat("0", 16) {
		return "invalid: zero parent-id"
	}
	if !isHex(flags, 2) {
		return "invalid: bad trace-flags"
	}
	bits, _ := strconv.ParseUint(flags, 16, 8)
	sampled := bits&0x01 == 0x01 // only the lowest bit is defined
	return fmt.Sprintf("valid version=%s trace_id=%s parent_id=%s sampled=%t", version, traceID, parentID, sampled)
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		if header := strings.TrimSpace(scanner.Text()); header != "" {
			fmt.Println(check(header))
		}
	}
}
