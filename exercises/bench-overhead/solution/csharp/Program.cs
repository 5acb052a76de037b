// Benchmark the handler `Price`. stdin: "calls N", then one request per line
// ("qty unit_cents discount_pct"). Parse first and warm up with N calls, both off the
// clock; then time N calls with a monotonic clock. Every result goes into the checksum.
// stdout: the Meter's report of what ran on and off the clock; stderr: ns per call.
using System.Diagnostics;
using System.Globalization;

var lines = Console.In.ReadToEnd()
    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (lines is not [var header, .. var requestLines]
    || header.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not ["calls", var callsText]
    || !int.TryParse(callsText, CultureInfo.InvariantCulture, out int calls))
{
    Console.Error.WriteLine("expected: \"calls N\", then one request per line");
    return 1;
}
var meter = new Meter(Price);
List<Request> requests = [.. requestLines.Select(meter.Parse)];

meter.Start(); // time the warm-up too: it shows what the first, JIT-compiled calls cost
long checksum = Run(meter, requests, calls);
meter.Stop();
Console.Error.WriteLine($"warm-up: {meter.Elapsed.TotalMilliseconds:F1} ms for {calls} calls");

// Restart, not Start: Start() resumes the stopwatch, and the warm-up, with the JIT
// compiling the first calls, would stay in the measurement.
meter.Restart();
checksum += Run(meter, requests, calls);
meter.Stop();

meter.Report(requests.Count, checksum);
return 0;

// The handler under test: what one order line costs, in cents.
static long Price(Request r) => r.Qty * r.UnitCents * (100 - r.DiscountPct) / 100;

// Calls the handler `calls` times, cycling through the requests; returns the sum of the results.
static long Run(Meter meter, List<Request> requests, int calls)
{
    long sum = 0;
    for (int i = 0; i < calls; i++)
    {
        sum += meter.Call(requests[i % requests.Count]);
    }
    return sum;
}

readonly record struct Request(long Qty, long UnitCents, long DiscountPct);

// Counts parses and handler calls, and which of them ran while its clock was running.
// Start, Stop and Restart behave exactly like those of the Stopwatch inside it.
sealed class Meter(Func<Request, long> handler)
{
    readonly Stopwatch _clock = new(); // monotonic, high resolution
    long _parsedAtStart, _callsAtStart;

    public long Parsed { get; private set; }
    public long Calls { get; private set; }
    public long ParsedOnClock { get; private set; }
    public long CallsOnClock { get; private set; }
    public TimeSpan Elapsed => _clock.Elapsed;

    public Request Parse(string line)
    {
        Parsed++;
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var qty, var unitCents, var discountPct]
            ? new Request(Number(qty), Number(unitCents), Number(discountPct))
            : throw new FormatException($"want \"qty unit_cents discount_pct\", got \"{line}\"");
    }

    public long Call(Request request)
    {
        Calls++;
        return handler(request);
    }

    // Starts, or resumes, measuring: the new interval adds to the elapsed time so far.
    public void Start()
    {
        if (!_clock.IsRunning)
        {
            (_parsedAtStart, _callsAtStart) = (Parsed, Calls);
            _clock.Start();
        }
    }

    public void Stop()
    {
        if (_clock.IsRunning)
        {
            _clock.Stop();
            ParsedOnClock += Parsed - _parsedAtStart;
            CallsOnClock += Calls - _callsAtStart;
        }
    }

    // Sets the elapsed time (and what ran on the clock) back to zero, then starts measuring.
    public void Restart()
    {
        (ParsedOnClock, CallsOnClock) = (0, 0);
        (_parsedAtStart, _callsAtStart) = (Parsed, Calls);
        _clock.Restart();
    }

    public void Report(int requests, long checksum)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"requests {requests}"));
        Console.WriteLine(string.Create(inv, $"checksum {checksum}"));
        Console.WriteLine(string.Create(inv, $"on the clock: {ParsedOnClock} parsed, {CallsOnClock} calls"));
        Console.WriteLine(string.Create(inv, $"off the clock: {Parsed - ParsedOnClock} parsed, {Calls - CallsOnClock} calls"));
        Console.WriteLine("clock: monotonic"); // Stopwatch: monotonic, high resolution
        if (CallsOnClock > 0)
        {
            Console.Error.WriteLine(string.Create(inv, $"{Elapsed.TotalNanoseconds / CallsOnClock:F1} ns per call on the clock"));
        }
    }

    static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
