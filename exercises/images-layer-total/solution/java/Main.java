// Sum the layer sizes of each image in a repo-info layer listing (stdin)
// and print one line per image: "<image> <total> MB", where 1 MB is
// 1,000,000 bytes and the total is rounded half up to 0.1 MB.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

public class Main {
    static final long BYTES_PER_MB = 1_000_000L; // repo-info's "MB" is decimal: "47.8 MB (47790358 bytes)"

    // "Size: 28.2 MB (28232655 bytes)" or, under 1 KB, "Size: 250.0 B"
    static long layerBytes(String line) {
        int open = line.indexOf('(');
        if (open >= 0) {
            return Long.parseLong(line.substring(open + 1).trim().split("\\s+")[0]);
        }
        String value = line.split("\\s+")[1];
        return Long.parseLong(value.substring(0, value.indexOf('.')));
    }

    // Integers only: String.format("%.1f") would round a double, not our exact byte count.
    static String formatMb(long total) {
        long tenths = (total * 10 + BYTES_PER_MB / 2) / BYTES_PER_MB;
        return (tenths / 10) + "." + (tenths % 10);
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> totals = new LinkedHashMap<>(); // keeps first-seen order
        String image = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            String line = raw.trim();
            if (line.startsWith("### `")) {
                image = line.split("`")[1];
                totals.putIfAbsent(image, 0L);
            } else if (line.startsWith("Size:") && image != null) {
                totals.merge(image, layerBytes(line), Long::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Long> e : totals.entrySet()) {
            out.append(e.getKey()).append(' ').append(formatMb(e.getValue())).append(" MB\n");
        }
        System.out.print(out);
    }
}
