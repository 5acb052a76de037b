// TODO: read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a
// stage, "layer <bytes> <comment>" adds a layer to the current stage, "#" lines
// are comments. The per-stage lines are right, but the "shipped" line reports
// far more than the image you would actually push. Fix it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const bytesPerMB = 1000000

type stage struct {
	name  string
	bytes int64
}

func formatMB(total int64) string {
	tenths := (total*10 + bytesPerMB/2) / bytesPerMB
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

func main() {
	var stages []stage
	var imageBytes int64 // everything the Dockerfile builds
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		words := strings.Fields(sc.Text())
		if len(words) == 0 || strings.HasPrefix(words[0], "#") {
			continue
		}
		switch words[0] {
		case "FROM":
			stages = append(stages, stage{name: words[3]})
		case "layer":
			n, err := strconv.ParseInt(words[1], 10, 64)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bad layer size:", words[1])
				os.Exit(1)
			}
			stages[len(stages)-1].bytes += n
			imageBytes += n
		}
	}
	for _, s := range stages {
		fmt.Printf("stage %s %s MB\n", s.name, formatMB(s.bytes))
	}
	fmt.Printf("shipped %s %s MB\n", stages[len(stages)-1].name, formatMB(imageBytes))
}
