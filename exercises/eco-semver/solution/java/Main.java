// Semver resolver: line 1 is "versions v1 v2 ..."; every other line is a comma-separated list
// of constraints that must all hold. Print "<line> -> <highest matching version>" or CONFLICT.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public class Main {
    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
                .thenComparingInt(Version::minor).thenComparingInt(Version::patch);

        static Version parse(String s) {
            String[] p = s.split("\\.");
            return new Version(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }

        public int compareTo(Version o) { return ORDER.compare(this, o); }

        Version caretUpper() {
            if (major > 0) return new Version(major + 1, 0, 0);
            if (minor > 0) return new Version(0, minor + 1, 0);
            return new Version(0, 0, patch + 1);
        }

        @Override public String toString() { return major + "." + minor + "." + patch; }
    }

    static final String[] OPS = {"^", "~", ">=", "<=", ">", "<", "="};

    static boolean allows(String constraint, Version v) {
        String op = "=";
        for (String candidate : OPS) {
            if (constraint.startsWith(candidate)) {
                op = candidate;
                constraint = constraint.substring(candidate.length());
                break;
            }
        }
        Version bound = Version.parse(constraint);
        int c = v.compareTo(bound);
        switch (op) {
            case "^": return c >= 0 && v.compareTo(bound.caretUpper()) < 0;
            case "~": return c >= 0 && v.compareTo(new Version(bound.major(), bound.minor() + 1, 0)) < 0;
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
        List<Version> versions = new ArrayList<>();
        for (int i = 1; i < first.length; i++) {
            versions.add(Version.parse(first[i]));
        }
        String line;
        while ((line = in.readLine()) != null) {
            String wanted = line.trim();
            if (wanted.isEmpty()) continue;
            String[] constraints = wanted.split(",");
            Optional<Version> best = versions.stream()
                    .filter(v -> {
                        for (String c : constraints) {
                            if (!allows(c.trim(), v)) return false;
                        }
                        return true;
                    })
                    .max(Comparator.naturalOrder());
            System.out.println(wanted + " -> " + best.map(Version::toString).orElse("CONFLICT"));
        }
    }
}
