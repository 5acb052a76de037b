// Reference solution: the quantity is converted with Integer.parseInt where it enters.
// stdin: "item price_cents qty" per line.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    record Order(String item, int priceCents, int qty) {
        int lineTotal() {
            return priceCents * qty;
        }
    }

    static Order parse(String line) {
        String[] f = line.trim().split("\\s+");
        return new Order(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])); // text becomes a number here
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int total = 0;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            Order order = parse(line);
            int amount = order.lineTotal();
            System.out.println(order.item() + " " + amount);
            total += amount;
        }
        System.out.println("total " + total);
    }
}
