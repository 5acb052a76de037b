// A circuit breaker: closed -> open after `threshold` failures in a row -> half-open
// once `cooldown` time units have passed -> closed again if the probe succeeds.
// When the half-open probe FAILS, the breaker opens again for a full new cooldown.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public class Main {
    enum State {
        CLOSED("closed"), OPEN("open"), HALF_OPEN("half-open");

        final String label;

        State(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }

    static class CircuitBreaker {
        private final int threshold;
        private final int cooldown;
        private State state = State.CLOSED;
        private int failures = 0; // consecutive failures while closed
        private int openedAt = 0;
        int calls = 0;
        int rejected = 0;

        CircuitBreaker(int threshold, int cooldown) {
            this.threshold = threshold;
            this.cooldown = cooldown;
        }

        State state() { return state; }

        private void move(int now, State next) {
            System.out.printf("t=%d state %s -> %s%n", now, state, next);
            state = next;
        }

        private void trip(int now) {
            openedAt = now;
            move(now, State.OPEN);
        }

        /** Handles one request at time {@code now}; {@code dependencyOk} is what the dependency would answer. */
        void request(int now, boolean dependencyOk) {
            if (state == State.OPEN) {
                if (now - openedAt < cooldown) {
                    rejected++;
                    System.out.printf("t=%d open: rejected without calling%n", now);
                    return;
                }
                move(now, State.HALF_OPEN);
            }

            calls++;
            if (state == State.HALF_OPEN) {
                if (dependencyOk) {
                    System.out.printf("t=%d half-open: probe ok%n", now);
                    failures = 0;
                    move(now, State.CLOSED);
                } else {
                    System.out.printf("t=%d half-open: probe failed%n", now);
                    trip(now);
                }
                return;
            }

            if (dependencyOk) {
                failures = 0;
                System.out.printf("t=%d closed: call ok%n", now);
                return;
            }
            failures++;
            System.out.printf("t=%d closed: call failed (%d/%d)%n", now, failures, threshold);
            if (failures >= threshold) {
                trip(now);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String[]> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isBlank()) lines.add(line.trim().split("\\s+"));
        }
        CircuitBreaker breaker = new CircuitBreaker(
                Integer.parseInt(lines.get(0)[0]), Integer.parseInt(lines.get(0)[1]));
        for (String[] fields : lines.subList(1, lines.size())) {
            breaker.request(Integer.parseInt(fields[0]), fields[1].equals("ok"));
        }
        System.out.printf("summary: calls=%d rejected=%d final=%s%n", breaker.calls, breaker.rejected, breaker.state());
    }
}
