// Read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a stage,
// "layer <bytes> <comment>" adds a layer to the current stage, "#" lines are
// comments. Print "stage <name> <MB> MB" for every stage, then
// "shipped <name> <MB> MB" for the image that is pushed: the LAST stage only.
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
		}
	}
	for _, s := range stages {
		fmt.Printf("stage %s %s MB\n", s.name, formatMB(s.bytes))
	}
	// Earlier stages only feed files to later ones through COPY --from;
	// their layers are not part of the pushed image.
	last := stages[len(stages)-1]
	fmt.Printf("shipped %s %s MB\n", last.name, formatMB(last.bytes))
}
