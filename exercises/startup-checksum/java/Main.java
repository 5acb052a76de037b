// TODO: read n (the number of steps) from stdin and print the checksum that a signed
// 64-bit long holds after n steps of acc = acc * 31 + i * i (the value C# and Go print too).
// Only stdout is graded; the timings go to stderr and may stay as they are.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    // Java's long wraps around on overflow, which is what a checksum wants.
    static long kernel(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc = acc * 31 + i * i;
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
