// A tiny REST resource, /orders, driven by request lines on stdin.
// Each line: METHOD PATH [name=value ...]; print "METHOD PATH -> STATUS [BODY]".
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Main {
    record Response(int status, String body) {}

    static final Pattern ITEM = Pattern.compile("/orders/([0-9]+)");
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9]+");
    static final Pattern QTY = Pattern.compile("[1-9][0-9]{0,2}");
    static final Response NOT_FOUND = new Response(404, "{\"error\":\"not found\"}");
    static final Response NOT_ALLOWED = new Response(405, "{\"error\":\"method not allowed\"}");
    static final Response INVALID = new Response(400, "{\"error\":\"invalid order\"}");

    record Order(String sku, int qty) {}

    static final TreeMap<Integer, Order> orders = new TreeMap<>(); // sorted by id
    static int nextId = 1;

    static String orderJson(int id) {
        Order o = orders.get(id);
        return "{\"id\":" + id + ",\"qty\":" + o.qty() + ",\"sku\":\"" + o.sku() + "\"}";
    }

    static Response create(Map<String, String> fields) {
        String sku = fields.getOrDefault("sku", "");
        String qty = fields.getOrDefault("qty", "");
        if (!SKU.matcher(sku).matches() || !QTY.matcher(qty).matches()) {
            return INVALID;
        }
        int id = nextId++;
        orders.put(id, new Order(sku, Integer.parseInt(qty)));
        return new Response(201, orderJson(id)); // 201 Created: a new resource exists now
    }

    static Response handle(String method, String path, Map<String, String> fields) {
        if (path.equals("/orders")) {
            switch (method) {
                case "GET": {
                    StringJoiner list = new StringJoiner(",", "[", "]");
                    for (int id : orders.keySet()) list.add(orderJson(id));
                    return new Response(200, list.toString());
                }
                case "POST":
                    return create(fields);
                default:
                    return NOT_ALLOWED; // the resource exists; this method does not
            }
        }
        Matcher m = ITEM.matcher(path);
        if (!m.matches()) return NOT_FOUND;
        if (!method.equals("GET") && !method.equals("DELETE")) return NOT_ALLOWED;
        int id;
        try {
            id = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return NOT_FOUND;
        }
        if (!orders.containsKey(id)) return NOT_FOUND;
        if (method.equals("GET")) return new Response(200, orderJson(id));
        orders.remove(id);
        return new Response(204, ""); // 204 No Content: success, empty body
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) continue;
            Map<String, String> fields = new HashMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2) fields.put(kv[0], kv[1]);
            }
            Response r = handle(parts[0], parts[1], fields);
            out.append(parts[0]).append(' ').append(parts[1]).append(" -> ").append(r.status());
            if (!r.body().isEmpty()) out.append(' ').append(r.body());
            out.append('\n');
        }
        System.out.print(out);
    }
}
