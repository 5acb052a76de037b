// Retry a flaky dependency with capped exponential backoff.
// Retry only TRANSIENT failures (timeout, unavailable); a PERMANENT failure
// (bad_request, not_found) will fail the same way every time, so give up at once.
using System.Globalization;
using static System.FormattableString;

var lines = new List<string[]>();
while (Console.ReadLine() is { } line)
{
    if (line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } fields)
    {
        lines.Add(fields);
    }
}

var options = new RetryOptions(
    BaseMs: long.Parse(lines[0][0], CultureInfo.InvariantCulture),
    CapMs: long.Parse(lines[0][1], CultureInfo.InvariantCulture),
    MaxAttempts: int.Parse(lines[0][2], CultureInfo.InvariantCulture));

for (var i = 1; i < lines.Count; i++)
{
    Console.WriteLine(Invariant($"scenario {i}: {string.Join(' ', lines[i])}"));
    var result = CallWithRetry(new FakeDependency(lines[i]), options);
    Console.WriteLine($"  result: {result}");
}

// In production this loop is a library's job: Polly v8's retry strategy, or
// AddStandardResilienceHandler() on an HttpClient (Microsoft.Extensions.Http.Resilience).
// Both make the same choice as the filter below: a predicate decides what is retried.
static RetryResult CallWithRetry(FakeDependency dependency, RetryOptions options)
{
    long waitedMs = 0;
    for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
    {
        try
        {
            dependency.Call();
            Console.WriteLine(Invariant($"  attempt {attempt}: ok"));
            return new("ok", attempt, waitedMs);
        }
        catch (DependencyException e) when (e.IsTransient)
        {
            if (attempt == options.MaxAttempts)
            {
                Console.WriteLine(Invariant($"  attempt {attempt}: {e.Reason} -> no attempts left"));
                return new($"error={e.Reason}", attempt, waitedMs);
            }
            var delayMs = options.BackoffMs(retry: attempt - 1);
            Console.WriteLine(Invariant($"  attempt {attempt}: {e.Reason} -> retry in {delayMs} ms"));
            waitedMs += delayMs; // a real client would await Task.Delay(delay, cancellationToken) here
        }
        catch (DependencyException e)
        {
            Console.WriteLine(Invariant($"  attempt {attempt}: {e.Reason} -> not retryable, giving up"));
            return new($"error={e.Reason}", attempt, waitedMs);
        }
    }
    throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1");
}

/// <summary>A failed call; <see cref="Reason"/> names the failure, e.g. "timeout".</summary>
sealed class DependencyException(string reason, bool isTransient) : Exception(reason)
{
    public string Reason { get; } = reason;
    public bool IsTransient { get; } = isTransient;
}

/// <summary>Plays back a script of outcomes, one per call; answers "ok" once the script runs out.</summary>
sealed class FakeDependency(IReadOnlyList<string> script)
{
    static readonly HashSet<string> Transient = ["timeout", "unavailable"];
    int calls;

    public string Call()
    {
        var outcome = calls < script.Count ? script[calls] : "ok";
        calls++;
        return outcome == "ok" ? outcome : throw new DependencyException(outcome, Transient.Contains(outcome));
    }
}

/// <summary>Capped exponential backoff: retry k (0-based) waits BaseMs * 2^k, never more than CapMs.</summary>
sealed record RetryOptions(long BaseMs, long CapMs, int MaxAttempts)
{
    public long BackoffMs(int retry)
    {
        var delay = BaseMs;
        for (var i = 0; i < retry && delay < CapMs; i++) delay *= 2;
        return Math.Min(CapMs, delay);
    }
}

sealed record RetryResult(string Outcome, int Attempts, long BackoffMs)
{
    public override string ToString() => Invariant($"{Outcome} attempts={Attempts} backoff_ms={BackoffMs}");
}
