// The kernel of a tiny benchmark: a checksum over n steps (n read from stdin) of
// acc = acc * 31 + i * i, wrapping like a signed 64-bit long.
// Timings go to stderr; only the checksum is graded.
using System.Diagnostics;
using System.Globalization;

var inv = CultureInfo.InvariantCulture;
var n = int.Parse(Console.ReadLine() ?? throw new InvalidOperationException("expected the number of steps on stdin"),
    NumberStyles.None, inv);

string[] names = ["cold", "warm"];
var results = new long[names.Length];
for (var run = 0; run < names.Length; run++)
{
    var watch = Stopwatch.StartNew();
    results[run] = Kernel(n);
    Console.Error.WriteLine(string.Create(inv, $"{names[run]} run: {watch.Elapsed.TotalMilliseconds:F1} ms"));
}
if (results[0] != results[1])
{
    throw new InvalidOperationException("the two runs disagree");
}
Console.WriteLine(string.Create(inv, $"checksum {results[0]}"));

static long Kernel(int n)
{
    long acc = 0;
    for (var i = 0; i < n; i++)
    {
        // Wrapping on overflow is the point of a checksum: say so explicitly.
        acc = unchecked(acc * 31 + (long)i * i);
    }
    return acc;
}
