# TODO: stdin holds one order per line: "item price_cents qty". Print each order's
# "item amount" (price_cents * qty) and then "total <sum>"; for the input
#   apple 120 3
#   pear 95 2
# that is apple 360 / pear 190 / total 550, one per line.
# Everything on stdin is text; the quantity stays text here. Run it first and look at
# what it prints BEFORE it crashes. Then convert the quantity where it enters.
import sys
from dataclasses import dataclass


@dataclass
class Order:
    item: str
    price_cents: int
    qty: int  # an annotation: documentation for tools, not a run-time check


def parse(line: str) -> Order:
    item, price, qty = line.split()
    return Order(item, int(price), qty)  # qty is still the text from the form


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
