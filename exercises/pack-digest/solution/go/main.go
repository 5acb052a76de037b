// Print "path bytes sha256:<hex>" for every "path:contents" line on stdin.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		path, contents, _ := strings.Cut(scanner.Text(), ":")
		data := []byte(contents)
		sum := sha256.Sum256(data)
		fmt.Printf("%s %d sha256:%s\n", path, len(data), hex.EncodeToString(sum[:]))
	}
}
