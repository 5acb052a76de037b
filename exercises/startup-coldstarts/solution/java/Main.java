// Summarise an AWS Lambda log: invocations, cold starts, the P50 (nearest rank) and
// maximum of the cold starts' Init Duration, and the P50 of the warm Durations.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public class Main {
    /** The value of "Name: 12.34 ms" in a REPORT line, as the logged text. */
    static Optional<String> field(String[] fields, String name) {
        String prefix = name + ": ";
        for (String f : fields) {
            if (f.startsWith(prefix)) {
                return Optional.of(f.substring(prefix.length()).replace(" ms", ""));
            }
        }
        return Optional.empty();
    }

    /** The values in ascending numeric order; the strings stay as logged. */
    static List<String> sorted(List<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort(Comparator.comparingDouble(Double::parseDouble));
        return out;
    }

    /** Nearest-rank median: the smallest value with at least half the values <= it. */
    static String p50(List<String> values) {
        List<String> s = sorted(values);
        return s.get((s.size() + 1) / 2 - 1);
    }

    public static void main(String[] args) throws IOException {
        List<String> inits = new ArrayList<>();
        List<String> warm = new ArrayList<>();
        int invocations = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.startsWith("REPORT ")) {
                continue;
            }
            invocations++;
            String[] fields = line.split("\t");
            Optional<String> init = field(fields, "Init Duration");
            if (init.isPresent()) {
                inits.add(init.get()); // keep the logged text so we print it unchanged
            } else {
                field(fields, "Duration").ifPresent(warm::add);
            }
        }

        List<String> s = sorted(inits);
        System.out.println("invocations " + invocations);
        System.out.println("cold_starts " + inits.size());
        System.out.println("init_p50_ms " + p50(inits));
        System.out.println("init_max_ms " + s.get(s.size() - 1));
        System.out.println("warm_p50_ms " + p50(warm));
    }
}
