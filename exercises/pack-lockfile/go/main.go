// TODO: stdin lists resolved dependencies as "name version sha256hex", in the order a tree walk
// found them, duplicates included. Print a lockfile: one "name@version sha256:<hex>" line per
// package, sorted by NAME in plain byte order, then "lock sha256:<hex>", the SHA-256 of all
// the lines above it (each ending in "\n").
// Map order is random, so this sorts at the end; but look where "grpcio" lands.
package main

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"sort"
	"strings"
)

type pin struct{ version, digest string }

func main() {
	locked := map[string]pin{}
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		f := strings.Fields(scanner.Text())
		if len(f) == 3 {
			locked[f[0]] = pin{f[1], f[2]}
		}
	}

	lines := []string{}
	for name, p := range locked {
		lines = append(lines, fmt.Sprintf("%s@%s sha256:%s\n", name, p.version, p.digest))
	}
	sort.Strings(lines)

	text := strings.Join(lines, "")
	fmt.Print(text)
	fmt.Printf("lock sha256:%x\n", sha256.Sum256([]byte(text)))
}
