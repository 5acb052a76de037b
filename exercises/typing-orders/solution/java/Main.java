// Reference solution: qty is an int, so the argument is the number 2.
// (If the text "2" really comes from outside, convert it where it enters: Integer.parseInt.)
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
                new Order("pear", 95, 2));
        int total = 0;
        for (Order order : orders) {
            int amount = order.lineTotal();
            System.out.println(order.item() + " " + amount);
            total += amount;
        }
        System.out.println("total " + total);
    }
}
