// TODO: make this print the two order lines and the total:
//   apple 360 / pear 190 / total 550, one per line.
// The pear order's quantity arrived as the text "2" instead of the number 2.
// This program does not compile: read javac's message, then fix the data.
import java.util.List;

public class Main {
    record Order(String item, int priceCents, int qty) {
        int lineTotal() {
            return priceCents * qty;
        }
    }

    public static void main(String[] args) {
        List<Order> orders = List.of(
                new Order("apple", 120, 3),
                new Order("pear", 95, "2")); // arrived from a web form as text
        int total = 0;
        for (Order order : orders) {
            int amount = order.lineTotal();
            System.out.println(order.item() + " " + amount);
            total += amount;
        }
        System.out.println("total " + total);
    }
}
