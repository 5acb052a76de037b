// TODO: a hello-world benchmark measures only a framework's own CPU time per request,
// but your service also runs its handler on every request. For each framework, print
// how many requests per second one core can serve and how much faster it is than the
// slowest framework: in the micro-benchmark, and for your real requests. The
// req/s/core and "real" numbers come out wrong: find out why.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

public class Main {
    /** overhead: the framework's own CPU µs per request; perRequest: what one request costs. */
    static final class Framework {
        final String name;
        final long overhead;
        final long perRequest;

        Framework(String name, long overhead, long perRequest) {
            this.name = name;
            this.overhead = overhead;
            this.perRequest = perRequest;
        }
    }

    /** slow/fast with two decimals ("1.07x"), rounded half up, integers only. */
    static String times(long slow, long fast) {
        long hundredths = (200 * slow + fast) / (2 * fast);
        return String.format(Locale.ROOT, "%d.%02dx", hundredths / 100, hundredths % 100);
    }

    static long value(String csvLine) {
        return Long.parseLong(csvLine.split(",")[1].strip());
    }

    public static void main(String[] args) {
        List<String> lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        long handler = value(lines.get(0));

        List<Framework> fws = lines.subList(1, lines.size()).stream()
                .map(l -> {
                    long overhead = value(l);
                    return new Framework(l.split(",")[0].strip(), overhead, overhead);
                })
                .sorted(Comparator.comparingLong((Framework f) -> f.perRequest).thenComparing(f -> f.name))
                .collect(Collectors.toList());
        long slowestOverhead = fws.stream().mapToLong(f -> f.overhead).max().getAsLong();
        long slowestRequest = fws.stream().mapToLong(f -> f.perRequest).max().getAsLong();

        System.out.println("handler " + handler + " us");
        for (Framework f : fws) {
            System.out.println(f.name + " " + (1_000_000 / f.perRequest) + " req/s/core, micro "
                    + times(slowestOverhead, f.overhead) + ", real " + times(slowestRequest, f.perRequest));
        }
    }
}
