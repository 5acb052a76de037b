// TODO: stdin holds "first count". Fan out `count` simulated calls at once, one
// for each n = first, first+1, ..., first+count-1 (call n returns n*n), and print
//   count <number of results>
//   sum <sum of the results>
//   first5 [<the first five results, in call order>]
// The fan-out itself works, and is fast, but the numbers are wrong.
// Find out what each call is really called with, and fix it.
using System.Diagnostics;
using System.Globalization;

if (Console.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var firstText, var countText]
    || !int.TryParse(firstText, CultureInfo.InvariantCulture, out int first)
    || !int.TryParse(countText, CultureInfo.InvariantCulture, out int count))
{
    Console.Error.WriteLine("expected: first count");
    return 1;
}
var clock = Stopwatch.StartNew();

// Prepare the calls first (factories, so that a retry could start one again),
// start them all together afterwards.
List<Func<Task<int>>> calls = [];
for (int n = first; n < first + count; n++)
{
    calls.Add(() => FakeCallAsync(n));
}

int[] results = await Task.WhenAll(calls.Select(call => call())); // results in call order

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count {results.Length}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sum {results.Sum()}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first5 [{string.Join(", ", results.Take(5))}]"));
Console.Error.WriteLine($"elapsed {clock.ElapsedMilliseconds} ms for {count} calls of 20 ms");
return 0;

static async Task<int> FakeCallAsync(int n)
{
    await Task.Delay(20); // no thread is blocked while the "I/O" is pending
    return n * n;
}
