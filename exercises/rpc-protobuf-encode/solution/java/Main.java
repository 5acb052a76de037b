// Encode Item messages by hand in the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line holds name=value pairs; print the encoded bytes as hex.
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

public class Main {
    static final int VARINT = 0, LEN = 2;

    static void writeVarint(ByteArrayOutputStream out, long n) {
        while ((n & ~0x7FL) != 0) {
            out.write((int) (n & 0x7F) | 0x80); // low 7 bits first, MSB = "more bytes follow"
            n >>>= 7;                            // unsigned shift: int64 is sent as raw bits
        }
        out.write((int) n);
    }

    static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
        writeVarint(out, (long) field << 3 | wireType);
    }

    static byte[] encode(Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long id = Long.parseLong(fields.getOrDefault("id", "0"));
        byte[] name = fields.getOrDefault("name", "").getBytes(StandardCharsets.UTF_8);
        long stock = Long.parseLong(fields.getOrDefault("stock", "0"));
        if (id != 0) { // proto3 does not write default values
            writeTag(out, 1, VARINT);
            writeVarint(out, id);
        }
        if (name.length > 0) {
            writeTag(out, 2, LEN);
            writeVarint(out, name.length); // bytes, not String.length() chars
            out.writeBytes(name);
        }
        if (stock != 0) {
            writeTag(out, 16, VARINT);
            writeVarint(out, stock);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder result = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            Map<String, String> fields = new HashMap<>();
            for (String p : line.trim().split("\\s+")) {
                String[] kv = p.split("=", 2);
                if (kv.length == 2) fields.put(kv[0], kv[1]);
            }
            if (fields.isEmpty()) continue;
            byte[] data = encode(fields);
            StringJoiner hex = new StringJoiner(" ");
            for (byte b : data) hex.add(String.format("%02x", b & 0xFF)); // Java bytes are signed
            result.append(data.length == 0 ? "(empty)" : hex.toString()).append('\n');
        }
        System.out.print(result);
    }
}
