// What a framework's hello-world speed means for a real service: one request costs the
// framework's overhead PLUS the handler's own CPU time, so the real speed-up is smaller.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type framework struct {
	name       string
	overhead   int64 // the framework's own CPU microseconds per request
	perRequest int64 // CPU microseconds one request costs with this framework
}

// times formats slow/fast with two decimals ("1.07x"), rounded half up, integers only.
func times(slow, fast int64) string {
	hundredths := (200*slow + fast) / (2 * fast)
	return fmt.Sprintf("%d.%02dx", hundredths/100, hundredths%100)
}

// csvInt reads the number after the comma in "name,123".
func csvInt(line string) (string, int64) {
	parts := strings.Split(line, ",")
	n, err := strconv.ParseInt(strings.TrimSpace(parts[1]), 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad line:", line)
		os.Exit(1)
	}
	return strings.TrimSpace(parts[0]), n
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	var lines []string
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" {
			lines = append(lines, line)
		}
	}
	_, handler := csvInt(lines[0])

	var fws []framework
	var slowestOverhead, slowestRequest int64
	for _, line := range lines[1:] {
		name, overhead := csvInt(line)
		fw := framework{name: name, overhead: overhead, perRequest: overhead + handler}
		if fw.overhead > slowestOverhead {
			slowestOverhead = fw.overhead
		}
		if fw.perRequest > slowestRequest {
			slowestRequest = fw.perRequest
		}
		fws = append(fws, fw)
	}
	sort.Slice(fws, func(i, j int) bool {
		if fws[i].perRequest != fws[j].perRequest {
			return fws[i].perRequest < fws[j].perRequest
		}
		return fws[i].name < fws[j].name
	})

	fmt.Printf("handler %d us\n", handler)
	for _, fw := range fws {
		fmt.Printf("%s %d req/s/core, micro %s, real %s\n", fw.name, 1000000/fw.perRequest,
			times(slowestOverhead, fw.overhead), times(slowestRequest, fw.perRequest))
	}
}
