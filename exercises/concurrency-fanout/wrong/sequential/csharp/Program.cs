// WRONG (sequential): awaits each call before starting the next: 20 ms times the number of calls.
// Fan out `count` simulated calls (20 ms of pretend I/O each) at the same time, for
// n = first .. first+count-1 (stdin: "first count"), then print count, sum and the
// first five results in call order. Elapsed time goes to stderr: it is not graded.
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
for (int i = first; i < first + count; i++)
{
    int n = i; // a `for` variable is shared by all lambdas; a copy made inside the body is not
    calls.Add(() => FakeCallAsync(n));
}

List<int> resultList = [];
foreach (var call in calls)
{
    resultList.Add(await call()); // one after another
}
int[] results = [.. resultList];

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
