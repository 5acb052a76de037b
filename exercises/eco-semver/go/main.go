// TODO: line 1 of stdin is "versions v1 v2 ..." (the published versions of one package).
// Every other line is a comma-separated list of constraints that must ALL hold
// (^ caret, ~ tilde, >=, <=, >, <, =). Print "<line> -> <highest matching version>",
// or "<line> -> CONFLICT" when no version satisfies them all.
// The operators are right. The comparisons are not: is "1.10.0" < "1.9.3" in Go?
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func fields(v string) (int, int, int) {
	p := strings.SplitN(v, ".", 3)
	major, _ := strconv.Atoi(p[0])
	minor, _ := strconv.Atoi(p[1])
	patch, _ := strconv.Atoi(p[2])
	return major, minor, patch
}

func caretUpper(v string) string {
	major, minor, patch := fields(v)
	switch {
	case major > 0:
		return fmt.Sprintf("%d.0.0", major+1)
	case minor > 0:
		return fmt.Sprintf("0.%d.0", minor+1)
	default:
		return fmt.Sprintf("0.0.%d", patch+1)
	}
}

func tildeUpper(v string) string {
	major, minor, _ := fields(v)
	return fmt.Sprintf("%d.%d.0", major, minor+1)
}

func allows(constraint, v string) bool {
	op := "="
	for _, candidate := range []string{"^", "~", ">=", "<=", ">", "<", "="} {
		if strings.HasPrefix(constraint, candidate) {
			op = candidate
			constraint = constraint[len(candidate):]
			break
		}
	}
	bound := constraint
	switch op {
	case "^":
		return v >= bound && v < caretUpper(bound)
	case "~":
		return v >= bound && v < tildeUpper(bound)
	case ">=":
		return v >= bound
	case "<=":
		return v <= bound
	case ">":
		return v > bound
	case "<":
		return v < bound
	}
	return v == bound
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan()
	versions := strings.Fields(scanner.Text())[1:]
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		constraints := strings.Split(line, ",")
		best := ""
		for _, v := range versions {
			ok := true
			for _, c := range constraints {
				if !allows(strings.TrimSpace(c), v) {
					ok = false
					break
				}
			}
			if ok && (best == "" || v > best) {
				best = v
			}
		}
		if best != "" {
			fmt.Printf("%s -> %s\n", line, best)
		} else {
			fmt.Printf("%s -> CONFLICT\n", line)
		}
	}
}
