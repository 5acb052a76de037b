// TODO: each stdin line is "package: dep dep ..."; the first line's package is your service.
// Print "total N" (how many distinct packages the service pulls in, directly or not) and then,
// sorted by name, "package <- a,b" listing (sorted, once each) the packages of the closure
// that depend on it. The walk below follows every PATH through the graph: look at the total,
// and at the lines for packages that two others share.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

var (
	graph    = map[string][]string{}
	visits   = 0
	neededBy = map[string][]string{}
)

func walk(pkg string) {
	for _, dep := range graph[pkg] {
		visits++
		neededBy[dep] = append(neededBy[dep], pkg)
		walk(dep)
	}
}

func main() {
	root := ""
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		name, deps, ok := strings.Cut(scanner.Text(), ":")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		graph[name] = strings.Fields(deps)
		if root == "" {
			root = name
		}
	}

	walk(root)
	fmt.Printf("total %d\n", visits)
	deps := make([]string, 0, len(neededBy))
	for dep := range neededBy {
		deps = append(deps, dep)
	}
	sort.Strings(deps)
	for _, dep := range deps {
		users := neededBy[dep]
		sort.Strings(users)
		fmt.Printf("%s <- %s\n", dep, strings.Join(users, ","))
	}
}
