# Reference solution: the quantity is converted to an int where it enters, as the
# annotation always claimed. stdin: "item price_cents qty" per line.
import sys
from dataclasses import dataclass


@dataclass
class Order:
    item: str
    price_cents: int
    qty: int


def parse(line: str) -> Order:
    item, price, qty = line.split()
    return Order(item, int(price), int(qty))  # text becomes a number at the boundary


def line_total(order: Order) -> int:
    return order.price_cents * order.qty


def main() -> None:
    orders = [parse(line) for line in sys.stdin if line.strip()]
    total = 0
    for order in orders:
        amount = line_total(order)
        print(order.item, amount)
        total += amount
    print("total", total)


if __name__ == "__main__":
    main()
