// TODO: fan out 100 simulated calls at once and print
//   count 100
//   sum 328350
//   first5 [0, 1, 4, 9, 16]
// (call n returns n*n). The fan-out itself works, and is fast, but the
// numbers are wrong. Find out what each call is really called with, and fix it.
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

        // Prepare the calls first, start them all together afterwards.
        var calls = new List<Func<Task<int>>>();
        for (int i = 0; i < 100; i++)
        {
            calls.Add(() => FakeCallAsync(i));
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
