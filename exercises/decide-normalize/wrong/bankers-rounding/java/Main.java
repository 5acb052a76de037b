// WRONG (bankers-rounding): Math.rint rounds halves to even: 2.5 becomes 2.
// Turn raw measurements into 1-5 scores. Each stdin line is
// "metric lower|higher name=value ...". The best value scores 5, the worst 1, the rest
// linearly in between, rounded half up; if all values are equal, everyone scores 3.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.StringJoiner;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3) continue;
            String[] pairs = Arrays.copyOfRange(f, 2, f.length);
            int[] values = Arrays.stream(pairs).mapToInt(p -> Integer.parseInt(p.split("=")[1])).toArray();
            IntSummaryStatistics stats = Arrays.stream(values).summaryStatistics();
            // "lower" (ms, MB, errors): the biggest value is the worst; "higher": the smallest.
            int worst = f[1].equals("lower") ? stats.getMax() : stats.getMin();
            int span = stats.getMax() - stats.getMin();
            StringJoiner out = new StringJoiner(" ");
            out.add(f[0]);
            for (int i = 0; i < pairs.length; i++) {
                int score = 3;
                if (span > 0) {
                    int distance = Math.abs(values[i] - worst);
                    score = 1 + (int) Math.rint(4.0 * distance / span); // rint: halves to even
                }
                out.add(pairs[i].split("=")[0] + "=" + score);
            }
            System.out.println(out);
        }
    }
}
