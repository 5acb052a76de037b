// Canonical JSON: read "TYPE PATH VALUE" lines, build nested objects, print them with keys in
// RFC 8785 order (by UTF-16 code units), no spaces, and only the escapes RFC 8259 requires.
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c); // <, &, é, / and emoji halves stay as they are
                    }
            }
        }
        b.append('"');
    }

    static void encode(StringBuilder b, Object v) {
        if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            // A TreeMap iterates in String.compareTo order: by UTF-16 code units, as RFC 8785 sorts.
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) b.append(',');
                first = false;
                quote(b, (String) e.getKey());
                b.append(':');
                encode(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Long n) {
            b.append(n.longValue());
        } else {
            quote(b, (String) v);
        }
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        TreeMap<String, Object> root = new TreeMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] parts = line.split(" ", 3);
            String[] keys = parts[1].split("\\.");
            TreeMap<String, Object> node = root;
            for (int i = 0; i < keys.length - 1; i++) {
                node = (TreeMap<String, Object>) node.computeIfAbsent(keys[i], k -> new TreeMap<String, Object>());
            }
            String leaf = keys[keys.length - 1];
            node.put(leaf, parts[0].equals("int") ? (Object) Long.parseLong(parts[2]) : parts[2]);
        }
        StringBuilder b = new StringBuilder();
        encode(b, root);
        String text = b.toString();
        out.println(text);
        out.println("bytes " + text.getBytes(StandardCharsets.UTF_8).length);
    }
}
