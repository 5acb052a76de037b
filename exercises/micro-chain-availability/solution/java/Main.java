// Reference solution: the request succeeds only if every service is up, so the
// availabilities multiply. Each extra hop can only lower the result.
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
            chain = chain * parsePpm(fields[1]) / PPM; // up to 10^12: needs a long, not an int
        }
        long downtime = (PPM - chain) * MINUTES_PER_30_DAYS / PPM;
        System.out.println("services " + services);
        System.out.println(String.format("availability %d.%04d%%", chain / 10_000, chain % 10_000));
        System.out.println("downtime " + downtime + " min per 30 days");
    }
}
