// WRONG (uppercase-hex): hex.DecodeString accepts uppercase digits, so uppercase hex passes although the task says lowercase.
// Verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
// each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
// The signature is HMAC-SHA256 over the body's exact bytes, compared in constant time.
package main

import (
	"bufio"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// verify returns "accepted" or "rejected: <reason>" for one delivery.
func verify(secret []byte, header string, body []byte) string {
	if header == "-" {
		return "rejected: missing signature"
	}
	if !strings.HasPrefix(header, "sha256=") {
		return "rejected: unsupported scheme"
	}
	// Sign the bytes that arrived, not a tidied or re-serialised copy of them.
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	// hmac.Equal does not stop at the first differing byte, so the time it takes
	// tells an attacker nothing about how much of a forged signature was right.
	_ = expected // compared as decoded bytes instead
	got, err := hex.DecodeString(strings.TrimPrefix(header, "sha256="))
	if err == nil && hmac.Equal(got, mac.Sum(nil)) {
		return "accepted"
	}
	return "rejected: bad signature"
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 0, 64*1024), 1<<20)
	scanner.Scan()
	secret := []byte(strings.TrimPrefix(scanner.Text(), "secret="))
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) != 3 {
			continue
		}
		body, err := base64.StdEncoding.DecodeString(fields[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad input:", err)
			os.Exit(1)
		}
		fmt.Println(fields[0], verify(secret, fields[1], body))
	}
}
