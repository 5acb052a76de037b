// A quote service that asks a price service ($STUB_URL) with a 1 s deadline.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Main {
    static final Pattern QUOTE_PATH = Pattern.compile("/quote/([A-Za-z0-9]+)");
    static final String PRICES = System.getenv("STUB_URL") + "/price/";
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    record Reply(int status, String json) {}

    static Reply quote(String sku) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PRICES + sku))
                .timeout(Duration.ofSeconds(1)) // the deadline for the response
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new Reply(404, "{\"error\":\"unknown sku\"}");
            }
            if (response.statusCode() != 200) {
                return new Reply(502, "{\"error\":\"upstream failed\"}");
            }
            int cents = Integer.parseInt(response.body().trim());
            return new Reply(200, String.format("{\"sku\":\"%s\",\"cents\":%d}", sku, cents));
        } catch (HttpTimeoutException e) {
            return new Reply(504, "{\"error\":\"upstream timeout\"}");
        } catch (IOException | NumberFormatException e) {
            return new Reply(502, "{\"error\":\"upstream failed\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(502, "{\"error\":\"upstream failed\"}");
        }
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/quote/", exchange -> {
            Matcher m = QUOTE_PATH.matcher(exchange.getRequestURI().getPath());
            send(exchange, m.matches() ? quote(m.group(1)) : new Reply(404, "{\"error\":\"not found\"}"));
        });
        // One thread per request: a slow call must not hold up the next request.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }
}
