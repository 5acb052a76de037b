// Sum the layer sizes of each image in a repo-info layer listing (stdin)
// and print one line per image: "<image> <total> MB", where 1 MB is
// 1,000,000 bytes and the total is rounded half up to 0.1 MB.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const bytesPerMB = 1000000 // repo-info's "MB" is decimal: "47.8 MB (47790358 bytes)"

// layerBytes reads "Size: 28.2 MB (28232655 bytes)" or, under 1 KB, "Size: 250.0 B".
func layerBytes(line string) (int64, error) {
	if i := strings.Index(line, "("); i >= 0 {
		return strconv.ParseInt(strings.Fields(line[i+1:])[0], 10, 64)
	}
	whole := strings.SplitN(strings.Fields(line)[1], ".", 2)[0]
	return strconv.ParseInt(whole, 10, 64)
}

// formatMB rounds half up to tenths with integers, so no float is ever printed.
func formatMB(total int64) string {
	tenths := (total*10 + bytesPerMB/2) / bytesPerMB
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

func main() {
	totals := map[string]int64{}
	var order []string // Go maps have no order: remember it ourselves
	image := ""
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "### `"):
			image = strings.Split(line, "`")[1]
			if _, seen := totals[image]; !seen {
				order = append(order, image)
				totals[image] = 0
			}
		case strings.HasPrefix(line, "Size:") && image != "":
			n, err := layerBytes(line)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bad size line:", line)
				os.Exit(1)
			}
			totals[image] += n
		}
	}
	for _, name := range order {
		fmt.Printf("%s %s MB\n", name, formatMB(totals[name]))
	}
}
