// The lab's reference service: GET /health and GET /items/{id}, JSON, on 127.0.0.1:$PORT.
// JDK only (com.sun.net.httpserver). microlings runs it with -Dsun.net.httpserver.nodelay=true
// (else each keep-alive reply waits for a delayed ACK) and a capped heap (-Xmx).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Main {
    static final Pattern ITEM_PATH = Pattern.compile("/items/([0-9]{1,9})");

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
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\"}"));
        server.createContext("/items/", exchange -> {
            Matcher m = ITEM_PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                reply(exchange, 404, "{\"error\":\"not found\"}");
                return;
            }
            int id = Integer.parseInt(m.group(1));
            reply(exchange, 200,
                    "{\"id\":" + id + ",\"name\":\"item-" + id + "\",\"price_cents\":" + (id * 100L) + "}");
        });
        // Without an executor every request runs on the single dispatcher thread.
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }
}
