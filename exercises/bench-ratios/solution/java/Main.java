// Print each framework's throughput relative to the slowest one, as a whole number
// rounded half up ("3x"), highest first, equal ratios in alphabetical order.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public class Main {
    static final class Result {
        final String name;
        final long rps;
        long ratio;

        Result(String name, long rps) {
            this.name = name;
            this.rps = rps;
        }
    }

    /** value / base rounded to the nearest integer, halves up, in exact long arithmetic. */
    static long ratioHalfUp(long value, long base) {
        return (2 * value + base) / (2 * base);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine(); // skip the header
        List<Result> results = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",");
            results.add(new Result(parts[0], Long.parseLong(parts[1])));
        }

        long slowest = results.stream().mapToLong(r -> r.rps).min().getAsLong();
        for (Result r : results) {
            r.ratio = ratioHalfUp(r.rps, slowest);
        }
        results.sort(Comparator.comparingLong((Result r) -> r.ratio).reversed()
                .thenComparing(r -> r.name));
        for (Result r : results) {
            System.out.println(r.name + " " + r.ratio + "x");
        }
    }
}
