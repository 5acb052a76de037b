// TODO: split CPU-bound work over the thread pool. stdin: "n workers".
// Worker w sums f(x) = x*x % 1009 over [w*n/workers, (w+1)*n/workers), one block of
// 1,000 numbers at a time, and adds every block to a running total that all workers share.
// stdout: "worker w [lo, hi) sum" per worker, then "total t".
// Every worker's own sum is right, but the total is too small, and different on every
// run. Make it right, in the way that is idiomatic in C#.
using System.Diagnostics;
using System.Globalization;

const long Block = 1_000;

if (Console.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var nText, var workersText]
    || !long.TryParse(nText, CultureInfo.InvariantCulture, out long n)
    || !int.TryParse(workersText, CultureInfo.InvariantCulture, out int workers)
    || workers < 1)
{
    Console.Error.WriteLine("expected: n workers");
    return 1;
}
var ranges = Enumerable.Range(0, workers)
    .Select(w => (Lo: w * n / workers, Hi: (w + 1) * n / workers))
    .ToArray();

var clock = Stopwatch.StartNew();
long sequential = Work(0, n);
long sequentialMs = clock.ElapsedMilliseconds;
clock.Restart();
long total = 0; // the running total, shared by every worker
var parts = new long[workers];
// One thread per worker, all started before any is waited for.
var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
{
    var (lo, hi) = ranges[w];
    for (long start = lo; start < hi; start += Block)
    {
        long current = total; // the running total so far
        long part = Work(start, Math.Min(start + Block, hi)); // this block's work
        total = current + part; // the total, with this block added
        parts[w] += part; // each worker owns its slot
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
long parallelMs = clock.ElapsedMilliseconds;

for (int w = 0; w < workers; w++)
{
    var (lo, hi) = ranges[w];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {w} [{lo}, {hi}) {parts[w]}"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total}"));
Console.Error.WriteLine($"sequential {sequentialMs} ms (total {sequential}), {workers} workers {parallelMs} ms");
return 0;

static long Work(long lo, long hi)
{
    long sum = 0;
    for (long x = lo; x < hi; x++)
    {
        sum += x * x % 1009;
    }
    return sum;
}
