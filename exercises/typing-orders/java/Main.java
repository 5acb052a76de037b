// TODO: stdin holds one order per line: "item price_cents qty". Print each order's
// "item amount" (price_cents * qty) and then "total <sum>"; for "apple 120 3" and
// "pear 95 2" that is apple 360 / pear 190 / total 550, one per line.
// Everything on stdin is text, and the quantity stays text here.
// This program does not compile: read javac's message, then convert the quantity.
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
        return new Order(f[0], Integer.parseInt(f[1]), f[2]); // the quantity is still text
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
