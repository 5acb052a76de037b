// TODO: this retry loop retries EVERY failure, even bad_request and not_found.
// Retry only TRANSIENT failures (timeout, unavailable). On a PERMANENT failure,
// print "  attempt N: <error> -> not retryable, giving up" and return at once.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

/// <summary>A failed call; the message is the failure's name, e.g. "timeout".</summary>
class DependencyException : Exception
{
    public bool IsTransient { get; private set; }

    public DependencyException(string reason, bool isTransient) : base(reason)
    {
        IsTransient = isTransient;
    }
}

/// <summary>Plays back a script of outcomes; answers "ok" once the script runs out.</summary>
class FakeDependency
{
    static readonly HashSet<string> Transient = new HashSet<string> { "timeout", "unavailable" };
    readonly IList<string> script;
    int calls;

    public FakeDependency(IList<string> script) { this.script = script; }

    public string Call()
    {
        string outcome = calls < script.Count ? script[calls] : "ok";
        calls++;
        if (outcome == "ok") return "ok";
        throw new DependencyException(outcome, Transient.Contains(outcome));
    }
}

static class Program
{
    /// <summary>Delay before retry number <paramref name="retry"/> (0-based): base * 2^retry, never above cap.</summary>
    static long BackoffMs(long baseMs, long cap, int retry)
    {
        long delay = baseMs;
        for (int i = 0; i < retry && delay < cap; i++) delay *= 2;
        return Math.Min(cap, delay);
    }

    static string Result(string outcome, int attempts, long waited)
    {
        return string.Format(CultureInfo.InvariantCulture, "{0} attempts={1} backoff_ms={2}", outcome, attempts, waited);
    }

    static string CallWithRetry(FakeDependency dep, long baseMs, long cap, int maxAttempts)
    {
        long waited = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++)
        {
            try
            {
                dep.Call();
                Console.WriteLine("  attempt {0}: ok", attempt);
                return Result("ok", attempt, waited);
            }
            catch (DependencyException e)
            {
                if (attempt == maxAttempts)
                {
                    Console.WriteLine("  attempt {0}: {1} -> no attempts left", attempt, e.Message);
                    return Result("error=" + e.Message, attempt, waited);
                }
                long delay = BackoffMs(baseMs, cap, attempt - 1);
                Console.WriteLine("  attempt {0}: {1} -> retry in {2} ms", attempt, e.Message, delay);
                waited += delay; // a real client would await Task.Delay(...) here
            }
        }
        throw new ArgumentException("maxAttempts must be at least 1");
    }

    static void Main()
    {
        var lines = new List<string[]>();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0) lines.Add(fields);
        }
        long baseMs = long.Parse(lines[0][0], CultureInfo.InvariantCulture);
        long cap = long.Parse(lines[0][1], CultureInfo.InvariantCulture);
        int maxAttempts = int.Parse(lines[0][2], CultureInfo.InvariantCulture);
        for (int i = 1; i < lines.Count; i++)
        {
            Console.WriteLine("scenario {0}: {1}", i, string.Join(" ", lines[i]));
            string result = CallWithRetry(new FakeDependency(lines[i].ToList()), baseMs, cap, maxAttempts);
            Console.WriteLine("  result: {0}", result);
        }
    }
}
