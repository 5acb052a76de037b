# TODO: stdin is a CSV decision matrix: a header "criterion,weight,<option>,..." and one row per
# criterion with an integer weight and a 1-5 score per option. Print "rank option total/max"
# for every option, highest weighted total first. Equal totals share a rank and are listed in
# alphabetical (code point) order: "2 C# ..." before "2 Java ...". max is 5 * (sum of weights).
# Totals and ranks are right. Look at the order of a tie: what does reverse=True reverse?
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

ranking = sorted(totals.items(), key=lambda item: (item[1], item[0]), reverse=True)
for name, total in ranking:
    rank = 1 + sum(1 for other in totals.values() if other > total)
    print(f"{rank} {name} {total}/{max_total}")
