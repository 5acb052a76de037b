// A circuit breaker: closed -> open after `threshold` failures in a row -> half-open
// once `cooldown` time units have passed -> closed again if the probe succeeds.
// When the half-open probe FAILS, the breaker opens again for a full new cooldown.
using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

if (Console.ReadLine()?.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is not [var threshold, var cooldown])
{
    return;
}
var breaker = new CircuitBreaker(
    threshold: int.Parse(threshold, CultureInfo.InvariantCulture),
    cooldown: int.Parse(cooldown, CultureInfo.InvariantCulture));
while (Console.ReadLine() is { } line)
{
    if (line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is [var time, var outcome])
    {
        breaker.Request(int.Parse(time, CultureInfo.InvariantCulture), dependencyOk: outcome == "ok");
    }
}
Console.WriteLine(Invariant(
    $"summary: calls={breaker.Calls} rejected={breaker.Rejected} final={CircuitBreaker.Label(breaker.State)}"));

enum BreakerState { Closed, Open, HalfOpen }

/// <summary>
/// Single-threaded and hand-rolled to show the states. In production a .NET team uses
/// Polly v8's circuit breaker, alone or via AddStandardResilienceHandler() on an HttpClient
/// (Microsoft.Extensions.Http.Resilience).
/// </summary>
sealed class CircuitBreaker(int threshold, int cooldown)
{
    int failures; // consecutive failures while closed
    int openedAt;

    public BreakerState State { get; private set; } = BreakerState.Closed;
    public int Calls { get; private set; }
    public int Rejected { get; private set; }

    // Enum.ToString() would print "HalfOpen"; the output wants "half-open".
    public static string Label(BreakerState state) => state switch
    {
        BreakerState.Closed => "closed",
        BreakerState.Open => "open",
        BreakerState.HalfOpen => "half-open",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Handles one request at time <paramref name="now"/>; <paramref name="dependencyOk"/> is what the dependency would answer.</summary>
    public void Request(int now, bool dependencyOk)
    {
        if (State == BreakerState.Open)
        {
            if (now - openedAt < cooldown)
            {
                Rejected++;
                Console.WriteLine(Invariant($"t={now} open: rejected without calling"));
                return;
            }
            Move(now, BreakerState.HalfOpen);
        }

        Calls++;
        switch (State, dependencyOk)
        {
            case (BreakerState.HalfOpen, true):
                Console.WriteLine(Invariant($"t={now} half-open: probe ok"));
                failures = 0;
                Move(now, BreakerState.Closed);
                break;
            case (BreakerState.HalfOpen, false):
                Console.WriteLine(Invariant($"t={now} half-open: probe failed"));
                Trip(now);
                break;
            case (BreakerState.Closed, true):
                failures = 0;
                Console.WriteLine(Invariant($"t={now} closed: call ok"));
                break;
            case (BreakerState.Closed, false):
                failures++;
                Console.WriteLine(Invariant($"t={now} closed: call failed ({failures}/{threshold})"));
                if (failures >= threshold) Trip(now);
                break;
            default:
                throw new UnreachableException("an open breaker never calls the dependency");
        }
    }

    void Move(int now, BreakerState next)
    {
        Console.WriteLine(Invariant($"t={now} state {Label(State)} -> {Label(next)}"));
        State = next;
    }

    void Trip(int now)
    {
        openedAt = now;
        Move(now, BreakerState.Open);
    }
}
