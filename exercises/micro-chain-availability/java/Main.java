// TODO: each stdin line names a service and its availability in percent ("orders 99.9").
// One request calls every listed service in turn and fails if any one of them is down.
// Print how often the whole request succeeds (assume failures are independent):
//   services N
//   availability P%            P with exactly 4 decimals, e.g. 99.6503%
//   downtime M min per 30 days  M rounded down
// Work in whole parts per million (ppm): 99.95% is 999500 ppm. After each step, round the
// chain's ppm down to a whole number. This starter gets the combining rule wrong.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    static final long PPM = 1_000_000L;
    static final long MINUTES_PER_30_DAYS = 30L * 24 * 60;

    /** "99.95" -> 999500, "100" -> 1000000, without going through a double. */
    static long parsePpm(String percent) {
        int dot = percent.indexOf('.');
        String whole = dot < 0 ? percent : percent.substring(0, dot);
        String frac = dot < 0 ? "" : percent.substring(dot + 1);
        return Long.parseLong(whole) * 10_000 + Long.parseLong((frac + "0000").substring(0, 4));
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int services = 0;
        long chain = PPM;
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 2) {
                continue;
            }
            services++;
            // A chain is only as strong as its weakest link... isn't it?
            chain = Math.min(chain, parsePpm(fields[1]));
        }
        long downtime = (PPM - chain) * MINUTES_PER_30_DAYS / PPM;
        System.out.println("services " + services);
        System.out.println(String.format("availability %d.%04d%%", chain / 10_000, chain % 10_000));
        System.out.println("downtime " + downtime + " min per 30 days");
    }
}
