// TODO: turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...": "lower" means smaller is better (milliseconds,
// megabytes, errors), "higher" means bigger is better. The best value scores 5, the worst 1,
// the rest linearly in between, rounded half up; if all values are equal, everyone scores 3.
// Print "metric name=score ..." in input order.
// Right now Java's 1900 ms startup gets a 5. Which field of the line is being ignored?
using System.Globalization;

while (Console.ReadLine() is { } line)
{
    string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (fields is not [var metric, var direction, _, ..]) continue;
    Measurement[] measurements = [.. fields[2..].Select(Measurement.Parse)];
    int min = measurements.Min(m => m.Value), max = measurements.Max(m => m.Value);
    var worst = min;
    var scores = measurements.Select(m => $"{m.Name}={Score(m.Value, worst, max - min).ToString(CultureInfo.InvariantCulture)}");
    Console.WriteLine($"{metric} {string.Join(' ', scores)}");
}

// 1 + round(4 * distance / span), halves rounded up, in integers only.
static int Score(int value, int worst, int span) =>
    span == 0 ? 3 : 1 + (8 * Math.Abs(value - worst) + span) / (2 * span);

readonly record struct Measurement(string Name, int Value)
{
    public static Measurement Parse(string pair) => pair.Split('=') is [var name, var value]
        ? new(name, int.Parse(value, CultureInfo.InvariantCulture))
        : throw new FormatException($"expected name=value, got \"{pair}\"");
}
