// TODO: this price service must answer with the exact bytes of the shared contract.
// Read one request line from stdin, e.g. "GET /price?sku=A1&qty=3", and print the status
// code on one line and a canonical JSON body on the next: keys sorted, no spaces, e.g.
//   200
//   {"in_stock":true,"name":"apple","qty":3,"sku":"A1","total_cents":360,"unit_cents":120}
// An unknown SKU prints 404 and {"error":"unknown sku"}.
// The lookup is right; the bytes are not. Compare your output with the expected output.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

public class Main {
    record Item(String name, int unitCents, boolean inStock) {}

    static final Map<String, Item> PRICES = Map.of(
            "A1", new Item("apple", 120, true),
            "B7", new Item("pear", 95, false),
            "C3", new Item("plum", 250, true));

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    // Java SE has no JSON API, so this writes a flat object of strings, ints and booleans
    // itself, in the map's iteration order. (Its strings need no escaping here.)
    static String toJson(Map<String, Object> fields) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object v = field.getValue();
            String value = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
            out.add("\"" + field.getKey() + "\":" + value);
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] parts = in.readLine().trim().split(" ");
        Map<String, String> query = parseQuery(URI.create(parts[1]).getRawQuery());
        String sku = query.get("sku");
        int qty = Integer.parseInt(query.get("qty"));

        Item item = PRICES.get(sku);
        Map<String, Object> body = new HashMap<>();
        int status;
        if (item == null) {
            status = 404;
            body.put("error", "unknown sku");
        } else {
            status = 200;
            body.put("sku", sku);
            body.put("name", item.name());
            body.put("qty", qty);
            body.put("unit_cents", item.unitCents());
            body.put("total_cents", item.unitCents() * qty);
            body.put("in_stock", item.inStock());
        }
        System.out.println(status);
        System.out.println(toJson(body));
    }
}
