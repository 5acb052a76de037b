// TODO: verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then
// one token per line. Print `accepted sub=<sub>` or `rejected: <reason>` per token, checking in
// this order: malformed, bad base64url, alg <alg> not allowed, bad signature, expired,
// not yet valid (leeway 30 s for exp and nbf).
// Tokens an attacker made are accepted here. Only HS256 may be accepted, whatever the header
// says; segments must be strict base64url (no padding); compare MACs in constant time.
package main

import (
	"bufio"
	"bytes"
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
		b, err := base64.RawURLEncoding.DecodeString(part) // JWTs leave out the '=' padding
		if err != nil {
			return "rejected: bad base64url"
		}
		decoded[i] = b
	}
	var h header
	if err := json.Unmarshal(decoded[0], &h); err != nil {
		return "rejected: malformed"
	}
	switch h.Alg {
	case "none":
		// an unsecured JWS (RFC 7515 allows them): there is no signature to check
	case "HS256":
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(parts[0] + "." + parts[1]))
		if !bytes.Equal(decoded[2], mac.Sum(nil)) {
			return "rejected: bad signature"
		}
	default:
		return "rejected: alg " + h.Alg + " not allowed"
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
