// TODO: split CPU-bound work over thread-pool tasks. stdin: "n workers".
// Each worker sums f(x) = x*x % 1009 over its own range of x; together the
// ranges must cover every x in [0, n) exactly once (see the task for the
// exact ranges). stdout: "worker w [lo, hi) sum" per worker, then "total t".
// The tasks work, but for some inputs the total is too small. Fix the split.
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
        long size = n / workers;
        var lo = new long[workers];
        var hi = new long[workers];
        for (int w = 0; w < workers; w++)
        {
            lo[w] = w * size;
            hi[w] = lo[w] + size;
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
