// TODO: validate W3C traceparent headers, one per input line, exactly as the spec says:
// version-traceid-parentid-flags, LOWERCASE hex of lengths 2-32-16-2, version ff is
// invalid, an all-zero trace-id or parent-id is invalid. Version 00 has exactly four
// fields; a higher version may append more ("-..."), which we ignore.
// Some headers that the spec rejects still come out "valid" here. Make the hex check
// follow the spec's grammar instead of what Java's HexFormat happens to accept.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

public class Main {
    /** True when {@code field} is {@code length} hex characters. */
    static boolean isHex(String field, int length) {
        return field.length() == length && field.chars().allMatch(HexFormat::isHexDigit);
    }

    /** Returns the output line for one header. */
    static String check(String header) {
        String[] parts = header.split("-", -1); // -1: keep trailing empty fields
        String version = parts[0];
        if (!isHex(version, 2) || version.equals("ff")) {
            return "invalid: bad version";
        }
        if (parts.length < 4 || (version.equals("00") && parts.length != 4)) {
            return "invalid: expected 4 fields";
        }
        String traceId = parts[1], parentId = parts[2], flags = parts[3];
        if (!isHex(traceId, 32)) return "invalid: bad trace-id";
        if (traceId.equals("0".repeat(32))) return "invalid: zero trace-id";
        if (!isHex(parentId, 16)) return "invalid: bad parent-id";
        if (parentId.equals("0".repeat(16))) return "invalid: zero parent-id";
        if (!isHex(flags, 2)) return "invalid: bad trace-flags";
        boolean sampled = (Integer.parseInt(flags, 16) & 0x01) == 0x01; // only the lowest bit is defined
        return String.format("valid version=%s trace_id=%s parent_id=%s sampled=%b", version, traceId, parentId, sampled);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String header = line.strip();
            if (!header.isEmpty()) System.out.println(check(header));
        }
    }
}
