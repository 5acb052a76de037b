// Dependency closure: each stdin line is "package: dep dep ..."; the first line's package is the
// service. Print "total N" (distinct packages the service pulls in) and, sorted by name,
// "package <- dependents" listing which packages of the closure depend on it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	graph := map[string][]string{}
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

	seen := map[string]bool{root: true}
	queue := []string{root}
	neededBy := map[string]map[string]bool{}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		for _, dep := range graph[pkg] {
			if neededBy[dep] == nil {
				neededBy[dep] = map[string]bool{}
			}
			neededBy[dep][pkg] = true
			if !seen[dep] { // visit each package once, however many paths lead to it
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}

	fmt.Printf("total %d\n", len(seen)-1)
	deps := make([]string, 0, len(neededBy))
	for dep := range neededBy {
		deps = append(deps, dep)
	}
	sort.Strings(deps)
	for _, dep := range deps {
		users := make([]string, 0, len(neededBy[dep]))
		for user := range neededBy[dep] {
			users = append(users, user)
		}
		sort.Strings(users)
		fmt.Printf("%s <- %s\n", dep, strings.Join(users, ","))
	}
}
