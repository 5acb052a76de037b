// TODO: benchmark the handler `price` as the task describes. stdin: "calls N", then one
// request per line ("qty unit_cents discount_pct"). Parse first and warm up with N calls,
// both off the clock; then time N calls. Every result goes into the checksum.
// stdout: the Meter's report of what ran on and off the clock; stderr: ns per call.
// The report shows that this benchmark does not measure what it should.
// Fix the benchmark, not the Meter.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

public class Main {
    record Request(long qty, long unitCents, long discountPct) {}

    /** The handler under test: what one order line costs, in cents. */
    static long price(Request r) {
        return r.qty() * r.unitCents() * (100 - r.discountPct()) / 100;
    }

    /**
     * Counts parses and handler calls, and which of them ran while its clock was running.
     * start() and stop() work like a stopwatch: the time of every start..stop adds up.
     */
    static final class Meter {
        long parsed, calls, parsedOnClock, callsOnClock, elapsedNanos;
        private long startedAt, parsedAtStart, callsAtStart;

        Request parse(String line) {
            parsed++;
            String[] f = line.strip().split("\\s+");
            return new Request(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
        }

        long call(Request r) {
            calls++;
            return price(r);
        }

        void start() {
            parsedAtStart = parsed;
            callsAtStart = calls;
            startedAt = System.nanoTime(); // monotonic, for measuring elapsed time
        }

        void stop() {
            elapsedNanos += System.nanoTime() - startedAt;
            parsedOnClock += parsed - parsedAtStart;
            callsOnClock += calls - callsAtStart;
        }

        void report(int requests, long checksum) {
            System.out.println("requests " + requests);
            System.out.println("checksum " + checksum);
            System.out.println("on the clock: " + parsedOnClock + " parsed, " + callsOnClock + " calls");
            System.out.println("off the clock: " + (parsed - parsedOnClock) + " parsed, "
                    + (calls - callsOnClock) + " calls");
            System.out.println("clock: monotonic"); // System.nanoTime, never currentTimeMillis
            if (callsOnClock > 0) {
                System.err.println(String.format(Locale.ROOT, "%.1f ns per call on the clock",
                        (double) elapsedNanos / callsOnClock));
            }
        }
    }

    /** Calls the handler {@code calls} times, cycling through the requests; returns the sum of the results. */
    static long run(Meter meter, List<Request> requests, int calls) {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += meter.call(requests.get(i % requests.size()));
        }
        return sum;
    }

    public static void main(String[] args) {
        Meter meter = new Meter();
        List<String> lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int calls = Integer.parseInt(lines.get(0).split("\\s+")[1]);
        List<Request> requests = lines.subList(1, lines.size()).stream().map(meter::parse).toList();

        meter.start();
        long checksum = run(meter, requests, calls);
        meter.stop();

        meter.report(requests.size(), checksum);
    }
}
