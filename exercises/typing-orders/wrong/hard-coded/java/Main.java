// WRONG (hard-coded): prints the example's answer without reading the orders.
public class Main {
    public static void main(String[] args) {
        System.out.println("apple 360");
        System.out.println("pear 190");
        System.out.println("total 550");
    }
}
