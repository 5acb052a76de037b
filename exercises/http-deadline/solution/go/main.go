// A quote service that asks a price service ($STUB_URL) with a 1 s deadline.
package main

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var quotePath = regexp.MustCompile(`^/quote/([A-Za-z0-9]+)$`)

// The whole exchange with the price service, body included, must finish within a second.
var prices = &http.Client{Timeout: time.Second}

func reply(w http.ResponseWriter, status int, payload interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(payload); err != nil {
		log.Print(err)
	}
}

func quote(sku string) (int, interface{}) {
	failed := map[string]string{"error": "upstream failed"}
	resp, err := prices.Get(os.Getenv("STUB_URL") + "/price/" + sku)
	if err != nil {
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			return http.StatusGatewayTimeout, map[string]string{"error": "upstream timeout"}
		}
		return http.StatusBadGateway, failed
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotFound:
		return http.StatusNotFound, map[string]string{"error": "unknown sku"}
	default:
		return http.StatusBadGateway, failed
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return http.StatusBadGateway, failed
	}
	cents, err := strconv.Atoi(strings.TrimSpace(string(body)))
	if err != nil {
		return http.StatusBadGateway, failed
	}
	return http.StatusOK, map[string]interface{}{"sku": sku, "cents": cents}
}

func main() {
	http.HandleFunc("/quote/", func(w http.ResponseWriter, r *http.Request) {
		m := quotePath.FindStringSubmatch(r.URL.Path)
		if m == nil {
			reply(w, http.StatusNotFound, map[string]string{"error": "not found"})
			return
		}
		status, payload := quote(m[1])
		reply(w, status, payload)
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil))
}
