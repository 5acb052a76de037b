// WRONG (empty-signature-skipped): a token with an empty signature skips the MAC check.
// Verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then one
// token per line. Only HS256 is accepted, whatever the header says; segments must be strict
// base64url without padding; the MAC is compared in constant time; exp and nbf get 30 s leeway.
package main

import (
	"bufio"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const leeway = 30 // seconds of clock skew tolerated for exp and nbf

type header struct {
	Alg string `json:"alg"`
}

type claims struct {
	Sub string `json:"sub"`
	Exp *int64 `json:"exp"` // nil when the claim is absent
	Nbf *int64 `json:"nbf"`
}

// check returns the output line for one token.
func check(token string, secret []byte, now int64) string {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "rejected: malformed"
	}
	var decoded [3][]byte
	for i, part := range parts {
		// RawURLEncoding is RFC 7515's base64url: URL-safe alphabet, no '=' padding.
		// It rejects '=', '+' and '/'. (It does skip '\r' and '\n', which cannot occur
		// inside one input line.)
		b, err := base64.RawURLEncoding.DecodeString(part)
		if err != nil {
			return "rejected: bad base64url"
		}
		decoded[i] = b
	}
	var h header
	if err := json.Unmarshal(decoded[0], &h); err != nil {
		return "rejected: malformed"
	}
	// The allow-list is ours: "none", "NONE" or "HS512" in the header does not pick the check.
	if h.Alg != "HS256" {
		return "rejected: alg " + h.Alg + " not allowed"
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	if len(decoded[2]) > 0 && !hmac.Equal(decoded[2], mac.Sum(nil)) {
		return "rejected: bad signature"
	}
	var c claims
	if err := json.Unmarshal(decoded[1], &c); err != nil {
		return "rejected: malformed"
	}
	if c.Exp != nil && now >= *c.Exp+leeway {
		return "rejected: expired"
	}
	if c.Nbf != nil && now < *c.Nbf-leeway {
		return "rejected: not yet valid"
	}
	return "accepted sub=" + c.Sub
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan()
	secret := []byte(strings.TrimPrefix(scanner.Text(), "secret="))
	scanner.Scan()
	now, err := strconv.ParseInt(strings.TrimPrefix(scanner.Text(), "now="), 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad now= line:", err)
		os.Exit(1)
	}
	for scanner.Scan() {
		if token := strings.TrimSpace(scanner.Text()); token != "" {
			fmt.Println(check(token, secret, now))
		}
	}
}
