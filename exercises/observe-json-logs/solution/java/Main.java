// Emit one compact JSON log line per incoming request. Line 1 of the input is
// "seed <16 hex>"; every other line is "<traceparent> <message>".
// Exact form: keys in the fixed order below, no spaces between tokens, strings
// escaped as JSON requires ("  \  and control characters) and nothing else escaped,
// so non-ASCII text and < > & appear as themselves.
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class Main {
    /**
     * Deterministic span ids: seed, seed+1, ... wrapping at 2^64, never all zero.
     * (Real SDKs use random ids; a counter keeps this exercise's output fixed.)
     */
    static class SpanIds {
        private long next; // treated as unsigned 64-bit; long arithmetic wraps the same way

        SpanIds(long seed) { this.next = seed; }

        String newId() {
            while (true) {
                long value = next++;
                if (value != 0) { // an all-zero span id is invalid
                    return String.format("%016x", value); // %x prints a long as unsigned hex
                }
            }
        }
    }

    /** A JSON string literal: escapes quote, backslash and control characters, nothing else. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        SpanIds ids = new SpanIds(Long.parseUnsignedLong(in.readLine().trim().split("\\s+")[1], 16));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            int space = line.indexOf(' ');
            String header = line.substring(0, space);
            String msg = line.substring(space + 1);
            String[] parts = header.split("-");
            String traceId = parts[1], parentId = parts[2];
            boolean sampled = (Integer.parseInt(parts[3], 16) & 0x01) == 0x01;
            String spanId = ids.newId();
            String outgoing = "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
            out.println("{\"trace_id\":" + jsonString(traceId)
                    + ",\"span_id\":" + jsonString(spanId)
                    + ",\"parent_id\":" + jsonString(parentId)
                    + ",\"sampled\":" + sampled
                    + ",\"traceparent_out\":" + jsonString(outgoing)
                    + ",\"msg\":" + jsonString(msg) + "}");
        }
        out.flush();
    }
}
