// TODO: a client cannot tell a missing item from a real one here. Fix the status code
// of the not-found reply (see the table in the task).
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
)

type Item struct {
	ID         int    `json:"id"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
}

var items = map[int]Item{
	1: {ID: 1, Name: "keyboard", PriceCents: 4999},
	2: {ID: 2, Name: "mouse", PriceCents: 1999},
	3: {ID: 3, Name: "monitor", PriceCents: 18999},
}

func reply(w http.ResponseWriter, status int, payload interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(payload); err != nil {
		log.Print(err)
	}
}

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	// Go 1.19 has no "GET /items/{id}" patterns: match the prefix and parse the rest.
	http.HandleFunc("/items/", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/items/"))
		item, found := items[id]
		if err != nil || !found {
			reply(w, http.StatusOK, map[string]string{"error": "not found"})
			return
		}
		reply(w, http.StatusOK, item)
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil))
}
