# WRONG (bankers-rounding): round() rounds halves to even: 2.5 becomes 2.
# Turn raw measurements into 1-5 scores. Each stdin line is
# "metric lower|higher name=value ...". The best value scores 5, the worst 1, the rest
# linearly in between, rounded half up; if all values are equal, everyone scores 3.
import sys

for line in sys.stdin:
    metric, direction, *pairs = line.split()
    values = [(name, int(value)) for name, value in (p.split("=") for p in pairs)]
    numbers = [v for _, v in values]
    best, worst = (min(numbers), max(numbers)) if direction == "lower" else (max(numbers), min(numbers))
    span = abs(best - worst)
    scores = []
    for name, value in values:
        if span == 0:
            score = 3
        else:
            # 1 + round_half_up(4 * distance_from_worst / span), in integers: no float rounding
            distance = abs(value - worst)
            score = 1 + round(4 * distance / span)  # round() sends halves to the even neighbour
        scores.append(f"{name}={score}")
    print(metric, " ".join(scores))
