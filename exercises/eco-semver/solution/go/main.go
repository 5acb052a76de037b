// Semver resolver: line 1 is "versions v1 v2 ..."; every other line is a comma-separated list
// of constraints that must all hold. Print "<line> -> <highest matching version>" or CONFLICT.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type version [3]int

func parse(s string) version {
	var v version
	for i, part := range strings.SplitN(s, ".", 3) {
		v[i], _ = strconv.Atoi(part)
	}
	return v
}

// compare returns -1, 0 or 1, field by field, numerically.
func compare(a, b version) int {
	for i := 0; i < 3; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func (v version) String() string { return fmt.Sprintf("%d.%d.%d", v[0], v[1], v[2]) }

func caretUpper(v version) version {
	switch {
	case v[0] > 0:
		return version{v[0] + 1, 0, 0}
	case v[1] > 0:
		return version{0, v[1] + 1, 0}
	default:
		return version{0, 0, v[2] + 1}
	}
}

func allows(constraint string, v version) bool {
	op := "="
	for _, candidate := range []string{"^", "~", ">=", "<=", ">", "<", "="} {
		if strings.HasPrefix(constraint, candidate) {
			op = candidate
			constraint = constraint[len(candidate):]
			break
		}
	}
	bound := parse(constraint)
	c := compare(v, bound)
	switch op {
	case "^":
		return c >= 0 && compare(v, caretUpper(bound)) < 0
	case "~":
		return c >= 0 && compare(v, version{bound[0], bound[1] + 1, 0}) < 0
	case ">=":
		return c >= 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case "<":
		return c < 0
	}
	return c == 0
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan()
	var versions []version
	for _, f := range strings.Fields(scanner.Text())[1:] {
		versions = append(versions, parse(f))
	}
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		constraints := strings.Split(line, ",")
		found := false
		var best version
		for _, v := range versions {
			ok := true
			for _, c := range constraints {
				if !allows(strings.TrimSpace(c), v) {
					ok = false
					break
				}
			}
			if ok && (!found || compare(v, best) > 0) {
				best, found = v, true
			}
		}
		if found {
			fmt.Printf("%s -> %s\n", line, best)
		} else {
			fmt.Printf("%s -> CONFLICT\n", line)
		}
	}
}
