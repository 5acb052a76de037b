// Retry a flaky dependency with capped exponential backoff.
// Retry only TRANSIENT failures (timeout, unavailable); a PERMANENT failure
// (bad_request, not_found) will fail the same way every time, so give up at once.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public class Main {
    /** A failed call; the message is the failure's name, e.g. "timeout". */
    static class DependencyException extends Exception {
        DependencyException(String reason) { super(reason); }
    }

    static class TransientException extends DependencyException {
        TransientException(String reason) { super(reason); }
    }

    static class PermanentException extends DependencyException {
        PermanentException(String reason) { super(reason); }
    }

    static final Set<String> TRANSIENT = Set.of("timeout", "unavailable");

    /** Plays back a script of outcomes; answers "ok" once the script runs out. */
    static class FakeDependency {
        private final List<String> script;
        private int calls = 0;

        FakeDependency(List<String> script) { this.script = script; }

        String call() throws DependencyException {
            String outcome = calls < script.size() ? script.get(calls) : "ok";
            calls++;
            if (outcome.equals("ok")) return "ok";
            if (TRANSIENT.contains(outcome)) throw new TransientException(outcome);
            throw new PermanentException(outcome);
        }
    }

    /** Delay before retry number {@code retry} (0-based): base * 2^retry, never above cap. */
    static long backoffMs(long base, long cap, int retry) {
        long delay = base;
        for (int i = 0; i < retry && delay < cap; i++) delay *= 2;
        return Math.min(cap, delay);
    }

    static String callWithRetry(FakeDependency dep, long base, long cap, int maxAttempts) {
        long waited = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                dep.call();
                System.out.printf("  attempt %d: ok%n", attempt);
                return String.format("ok attempts=%d backoff_ms=%d", attempt, waited);
            } catch (TransientException e) {
                if (attempt == maxAttempts) {
                    System.out.printf("  attempt %d: %s -> no attempts left%n", attempt, e.getMessage());
                    return String.format("error=%s attempts=%d backoff_ms=%d", e.getMessage(), attempt, waited);
                }
                long delay = backoffMs(base, cap, attempt - 1);
                System.out.printf("  attempt %d: %s -> retry in %d ms%n", attempt, e.getMessage(), delay);
                waited += delay; // a real client would Thread.sleep(delay) here
            } catch (PermanentException e) {
                System.out.printf("  attempt %d: %s -> not retryable, giving up%n", attempt, e.getMessage());
                return String.format("error=%s attempts=%d backoff_ms=%d", e.getMessage(), attempt, waited);
            } catch (DependencyException e) {
                throw new IllegalStateException("unclassified failure: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String[]> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isBlank()) lines.add(line.trim().split("\\s+"));
        }
        long base = Long.parseLong(lines.get(0)[0]);
        long cap = Long.parseLong(lines.get(0)[1]);
        int maxAttempts = Integer.parseInt(lines.get(0)[2]);
        for (int i = 1; i < lines.size(); i++) {
            List<String> script = List.of(lines.get(i));
            System.out.printf("scenario %d: %s%n", i, String.join(" ", script));
            String result = callWithRetry(new FakeDependency(script), base, cap, maxAttempts);
            System.out.printf("  result: %s%n", result);
        }
    }
}
