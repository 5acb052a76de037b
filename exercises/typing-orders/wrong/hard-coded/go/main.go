// WRONG (hard-coded): prints the example's answer without reading the orders.
package main

import "fmt"

func main() {
	fmt.Println("apple 360")
	fmt.Println("pear 190")
	fmt.Println("total 550")
}
