# Reference solution: the quantity is an int, as the annotation always claimed.
# (If the text "2" really comes from outside, convert it where it enters: int(raw_qty).)
from dataclasses import dataclass


@dataclass
class Order:
    item: str
    price_cents: int
    qty: int


def line_total(order: Order) -> int:
    return order.price_cents * order.qty


def main() -> None:
    orders = [
        Order("apple", 120, 3),
        Order("pear", 95, 2),
    ]
    total = 0
    for order in orders:
        amount = line_total(order)
        print(order.item, amount)
        total += amount
    print("total", total)


if __name__ == "__main__":
    main()
