// The kernel of a tiny benchmark: a checksum over 1,000,000 steps of
// acc = acc * 31 + i * i, wrapping like a signed 64-bit long.
// Timings go to stderr; only the checksum is graded.
using System;
using System.Diagnostics;
using System.Globalization;

class Program
{
    const int N = 1000000;

    static long Kernel(int n)
    {
        long acc = 0;
        for (int i = 0; i < n; i++)
        {
            // Wrapping on overflow is the point of a checksum: say so explicitly.
            acc = unchecked(acc * 31 + (long)i * i);
        }
        return acc;
    }

    static void Main()
    {
        string[] names = { "cold", "warm" };
        long[] results = new long[names.Length];
        for (int run = 0; run < names.Length; run++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            results[run] = Kernel(N);
            watch.Stop();
            Console.Error.WriteLine("{0} run: {1} ms", names[run], watch.ElapsedMilliseconds);
        }
        if (results[0] != results[1])
        {
            throw new InvalidOperationException("the two runs disagree");
        }
        Console.WriteLine("checksum " + results[0].ToString(CultureInfo.InvariantCulture));
    }
}
