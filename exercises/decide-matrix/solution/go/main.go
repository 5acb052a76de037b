// Weighted decision matrix: a CSV of "criterion,weight,<option>..." rows with 1-5 scores.
// Print "rank option total/max", highest total first; equal totals share a rank and are
// listed in alphabetical (byte) order.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Scan()
	options := strings.Split(strings.TrimSpace(scanner.Text()), ",")[2:]
	totals := make(map[string]int, len(options))
	maxTotal := 0
	for scanner.Scan() {
		cells := strings.Split(strings.TrimSpace(scanner.Text()), ",")
		if len(cells) < 2 {
			continue
		}
		weight, _ := strconv.Atoi(cells[1])
		maxTotal += 5 * weight
		for i, option := range options {
			score, _ := strconv.Atoi(cells[2+i])
			totals[option] += weight * score
		}
	}

	ranking := append([]string(nil), options...)
	sort.Slice(ranking, func(i, j int) bool {
		a, b := ranking[i], ranking[j]
		if totals[a] != totals[b] {
			return totals[a] > totals[b]
		}
		return a < b // the tie rule is part of the comparison, not an accident of input order
	})
	for _, name := range ranking {
		rank := 1
		for _, other := range totals {
			if other > totals[name] {
				rank++
			}
		}
		fmt.Printf("%d %s %d/%d\n", rank, name, totals[name], maxTotal)
	}
}
