// Turn a dependency walk ("name version sha256hex" lines, duplicates allowed) into a lockfile:
// one "name@version sha256:<hex>" line per package, sorted by name in byte order, then
// "lock sha256:<hex>" of the lines above it.
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

	names := make([]string, 0, len(locked))
	for name := range locked {
		names = append(names, name)
	}
	sort.Strings(names) // sort the keys, not the rendered lines

	var b strings.Builder
	for _, name := range names {
		p := locked[name]
		fmt.Fprintf(&b, "%s@%s sha256:%s\n", name, p.version, p.digest)
	}
	text := b.String()
	fmt.Print(text)
	fmt.Printf("lock sha256:%x\n", sha256.Sum256([]byte(text)))
}
