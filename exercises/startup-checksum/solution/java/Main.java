// The kernel of a tiny benchmark: a checksum over n steps (n read from stdin) of
// acc = acc * 31 + i * i, wrapping like a signed 64-bit long.
// Timings go to stderr; only the checksum is graded.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    // Java's long wraps around on overflow, which is what a checksum wants.
    static long kernel(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc = acc * 31 + (long) i * i; // widen before multiplying
        }
        return acc;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int n = Integer.parseInt(in.readLine().strip());
        String[] names = {"cold", "warm"};
        long[] results = new long[names.length];
        for (int run = 0; run < names.length; run++) {
            long start = System.nanoTime();
            results[run] = kernel(n);
            long micros = (System.nanoTime() - start) / 1_000;
            System.err.printf("%s run: %d us%n", names[run], micros);
        }
        if (results[0] != results[1]) {
            throw new IllegalStateException("the two runs disagree");
        }
        System.out.println("checksum " + results[0]);
    }
}
