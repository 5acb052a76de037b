// WRONG (bankers-rounding): Math.Round's default, MidpointRounding.ToEven, rounds 2.5 to 2.
// Turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...". The best value scores 5, the worst 1, the rest
// linearly in between, rounded half up; if all values are equal, everyone scores 3.
using System.Globalization;

while (Console.ReadLine() is { } line)
{
    string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (fields is not [var metric, var direction, _, ..]) continue;
    Measurement[] measurements = [.. fields[2..].Select(Measurement.Parse)];
    int min = measurements.Min(m => m.Value), max = measurements.Max(m => m.Value);
    // "lower" (ms, MB, errors): the biggest value is the worst; "higher": the smallest.
    var worst = direction == "lower" ? max : min;
    var scores = measurements.Select(m => $"{m.Name}={Score(m.Value, worst, max - min).ToString(CultureInfo.InvariantCulture)}");
    Console.WriteLine($"{metric} {string.Join(' ', scores)}");
}

// 1 + round(4 * distance / span), halves rounded up, in integers only.
static int Score(int value, int worst, int span) =>
    span == 0 ? 3 : 1 + (int)Math.Round(4.0 * Math.Abs(value - worst) / span); // default: MidpointRounding.ToEven

readonly record struct Measurement(string Name, int Value)
{
    public static Measurement Parse(string pair) => pair.Split('=') is [var name, var value]
        ? new(name, int.Parse(value, CultureInfo.InvariantCulture))
        : throw new FormatException($"expected name=value, got \"{pair}\"");
}
