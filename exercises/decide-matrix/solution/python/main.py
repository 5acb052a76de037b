# Weighted decision matrix: a CSV of "criterion,weight,<option>..." rows with 1-5 scores.
# Print "rank option total/max", highest total first; equal totals share a rank and are
# listed in alphabetical (code point) order.
import csv
import sys

rows = list(csv.reader(sys.stdin))
options = rows[0][2:]
totals = dict.fromkeys(options, 0)
max_total = 0
for criterion, weight, *scores in rows[1:]:
    max_total += 5 * int(weight)
    for option, score in zip(options, scores):
        totals[option] += int(weight) * int(score)

# Negate the number instead of reverse=True, so names still sort A to Z within a tie.
ranking = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
for name, total in ranking:
    rank = 1 + sum(1 for other in totals.values() if other > total)
    print(f"{rank} {name} {total}/{max_total}")
