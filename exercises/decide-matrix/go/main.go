// TODO: stdin is a CSV decision matrix: a header "criterion,weight,<option>,..." and one row per
// criterion with an integer weight and a 1-5 score per option. Print "rank option total/max"
// for every option, highest weighted total first. Equal totals share a rank and are listed in
// alphabetical (byte) order: "2 C# ..." before "2 Java ...". max is 5 * (sum of weights).
// Totals and ranks are right. What decides the order of two options with equal totals?
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
		return totals[ranking[i]] > totals[ranking[j]]
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
