// TODO: this circuit breaker goes closed -> open after `threshold` failures in a row,
// -> half-open once `cooldown` time units have passed, -> closed if the probe succeeds.
// But after a FAILED half-open probe it lets the very next request through again.
// Fix it: a failed probe must open the breaker for a full new cooldown.
using System;
using System.Collections.Generic;
using System.Globalization;

enum State { Closed, Open, HalfOpen }

class CircuitBreaker
{
    readonly int threshold;
    readonly int cooldown;
    int failures; // consecutive failures while closed
    int openedAt;

    public State State { get; private set; }
    public int Calls { get; private set; }
    public int Rejected { get; private set; }

    public CircuitBreaker(int threshold, int cooldown)
    {
        this.threshold = threshold;
        this.cooldown = cooldown;
        State = State.Closed;
    }

    // Enum.ToString() would print "HalfOpen"; the output wants "half-open".
    public static string Label(State s)
    {
        switch (s)
        {
            case State.Closed: return "closed";
            case State.Open: return "open";
            default: return "half-open";
        }
    }

    void Move(int now, State next)
    {
        Console.WriteLine("t={0} state {1} -> {2}", now, Label(State), Label(next));
        State = next;
    }

    void Trip(int now)
    {
        openedAt = now;
        Move(now, State.Open);
    }

    /// <summary>Handles one request at time <paramref name="now"/>; <paramref name="dependencyOk"/> is what the dependency would answer.</summary>
    public void Request(int now, bool dependencyOk)
    {
        if (State == State.Open)
        {
            if (now - openedAt < cooldown)
            {
                Rejected++;
                Console.WriteLine("t={0} open: rejected without calling", now);
                return;
            }
            Move(now, State.HalfOpen);
        }

        Calls++;
        if (State == State.HalfOpen)
        {
            if (dependencyOk)
            {
                Console.WriteLine("t={0} half-open: probe ok", now);
                failures = 0;
                Move(now, State.Closed);
            }
            else
            {
                Console.WriteLine("t={0} half-open: probe failed", now);
                Move(now, State.Open);
            }
            return;
        }

        if (dependencyOk)
        {
            failures = 0;
            Console.WriteLine("t={0} closed: call ok", now);
            return;
        }
        failures++;
        Console.WriteLine("t={0} closed: call failed ({1}/{2})", now, failures, threshold);
        if (failures >= threshold)
        {
            Trip(now);
        }
    }
}

static class Program
{
    static void Main()
    {
        var lines = new List<string[]>();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0) lines.Add(fields);
        }
        var breaker = new CircuitBreaker(
            int.Parse(lines[0][0], CultureInfo.InvariantCulture),
            int.Parse(lines[0][1], CultureInfo.InvariantCulture));
        for (int i = 1; i < lines.Count; i++)
        {
            breaker.Request(int.Parse(lines[i][0], CultureInfo.InvariantCulture), lines[i][1] == "ok");
        }
        Console.WriteLine("summary: calls={0} rejected={1} final={2}",
            breaker.Calls, breaker.Rejected, CircuitBreaker.Label(breaker.State));
    }
}
