// TODO: a client cannot tell a missing item from a real one here. Fix the status code
// of the not-found reply (see the table in the task).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

public class Main {
    record Item(int id, String name, int priceCents) {
        String json() {
            return String.format("{\"id\":%d,\"name\":\"%s\",\"price_cents\":%d}", id, name, priceCents);
        }
    }

    static final Map<Integer, Item> ITEMS = Map.of(
            1, new Item(1, "keyboard", 4999),
            2, new Item(2, "mouse", 1999),
            3, new Item(3, "monitor", 18999));

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\"}"));
        server.createContext("/items/", exchange -> {
            String rest = exchange.getRequestURI().getPath().substring("/items/".length());
            Item item = rest.matches("[0-9]{1,9}") ? ITEMS.get(Integer.parseInt(rest)) : null;
            if (item == null) {
                reply(exchange, 200, "{\"error\":\"not found\"}");
            } else {
                reply(exchange, 200, item.json());
            }
        });
        server.start();
    }
}
