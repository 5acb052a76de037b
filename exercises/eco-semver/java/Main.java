// TODO: line 1 of stdin is "versions v1 v2 ..." (the published versions of one package).
// Every other line is a comma-separated list of constraints that must ALL hold
// (^ caret, ~ tilde, >=, <=, >, <, =). Print "<line> -> <highest matching version>",
// or "<line> -> CONFLICT" when no version satisfies them all.
// The operators are right. The comparisons are not: what is "1.10.0".compareTo("1.9.3")?
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public class Main {
    static final String[] OPS = {"^", "~", ">=", "<=", ">", "<", "="};

    static int[] fields(String v) {
        return Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    static String caretUpper(String v) {
        int[] f = fields(v);
        if (f[0] > 0) return (f[0] + 1) + ".0.0";
        if (f[1] > 0) return "0." + (f[1] + 1) + ".0";
        return "0.0." + (f[2] + 1);
    }

    static String tildeUpper(String v) {
        int[] f = fields(v);
        return f[0] + "." + (f[1] + 1) + ".0";
    }

    static boolean allows(String constraint, String v) {
        String op = "=";
        for (String candidate : OPS) {
            if (constraint.startsWith(candidate)) {
                op = candidate;
                constraint = constraint.substring(candidate.length());
                break;
            }
        }
        String bound = constraint;
        int c = v.compareTo(bound);
        switch (op) {
            case "^": return c >= 0 && v.compareTo(caretUpper(bound)) < 0;
            case "~": return c >= 0 && v.compareTo(tildeUpper(bound)) < 0;
            case ">=": return c >= 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case "<": return c < 0;
            default: return c == 0;
        }
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] first = in.readLine().trim().split("\\s+");
        List<String> versions = Arrays.asList(first).subList(1, first.length);
        String line;
        while ((line = in.readLine()) != null) {
            String wanted = line.trim();
            if (wanted.isEmpty()) continue;
            String[] constraints = wanted.split(",");
            Optional<String> best = versions.stream()
                    .filter(v -> {
                        for (String c : constraints) {
                            if (!allows(c.trim(), v)) return false;
                        }
                        return true;
                    })
                    .max(Comparator.naturalOrder());
            System.out.println(wanted + " -> " + best.orElse("CONFLICT"));
        }
    }
}
