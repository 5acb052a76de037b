// Split CPU-bound work over thread-pool tasks. stdin: "n workers".
// Worker w sums f(x) = x*x % 1009 over [w*n/workers, (w+1)*n/workers).
// stdout: "worker w [lo, hi) sum" per worker, then "total t".
// stderr: sequential vs parallel time (not graded).
using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

public static class Program
{
    static long Work(long lo, long hi)
    {
        long sum = 0;
        for (long x = lo; x < hi; x++)
        {
            sum += x * x % 1009;
        }
        return sum;
    }

    public static void Main()
    {
        string[] words = Console.In.ReadToEnd().Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        long n = long.Parse(words[0], CultureInfo.InvariantCulture);
        int workers = int.Parse(words[1], CultureInfo.InvariantCulture);
        // Every x in [0, n) lands in exactly one range; sizes differ by at most one.
        var lo = new long[workers];
        var hi = new long[workers];
        for (int w = 0; w < workers; w++)
        {
            lo[w] = w * n / workers;
            hi[w] = (w + 1) * n / workers;
        }

        var clock = Stopwatch.StartNew();
        long sequential = Work(0, n);
        long sequentialMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var tasks = new Task<long>[workers];
        for (int w = 0; w < workers; w++)
        {
            long from = lo[w], to = hi[w]; // fresh copies: a `for` variable is shared by every lambda
            tasks[w] = Task.Run(() => Work(from, to));
        }
        Task.WaitAll(tasks); // CPU-bound: no await needed, just wait for all
        long parallelMs = clock.ElapsedMilliseconds;

        long total = 0;
        for (int w = 0; w < workers; w++)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "worker {0} [{1}, {2}) {3}", w, lo[w], hi[w], tasks[w].Result));
            total += tasks[w].Result;
        }
        Console.WriteLine("total " + total.ToString(CultureInfo.InvariantCulture));
        Console.Error.WriteLine("sequential " + sequentialMs + " ms (total " + sequential + "), " +
                                workers + " tasks " + parallelMs + " ms");
    }
}
