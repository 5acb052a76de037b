# TODO: make this print the two order lines and the total:
#   apple 360 / pear 190 / total 550, one per line.
# The pear order's quantity arrived as the text "2" instead of the number 2.
# Run it first and look at what it prints BEFORE it crashes. Then fix the data.
from dataclasses import dataclass


@dataclass
class Order:
    item: str
    price_cents: int
    qty: int  # an annotation: documentation for tools, not a run-time check


def line_total(order: Order) -> int:
    return order.price_cents * order.qty


def main() -> None:
    orders = [
        Order("apple", 120, 3),
        Order("pear", 95, "2"),  # arrived from a web form as text
    ]
    total = 0
    for order in orders:
        amount = line_total(order)
        print(order.item, amount)
        total += amount
    print("total", total)


if __name__ == "__main__":
    main()
