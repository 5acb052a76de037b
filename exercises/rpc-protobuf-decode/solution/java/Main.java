// Decode Item messages by hand from the protobuf wire format:
//   message Item { int64 id = 1; string name = 2; int64 stock = 16; }
// Each input line is one message as hex bytes. Unknown fields are skipped.
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

public class Main {
    static class Malformed extends Exception {}

    static final class Reader {
        final byte[] data;
        int pos;

        Reader(byte[] data) { this.data = data; }

        boolean done() { return pos >= data.length; }

        long varint() throws Malformed {
            long value = 0;
            for (int i = 0; i < 10; i++) { // a 64-bit varint has at most 10 bytes
                if (pos >= data.length) throw new Malformed();
                int b = data[pos++] & 0xFF; // Java bytes are signed
                value |= (long) (b & 0x7F) << (7 * i); // the first byte holds the LOWEST 7 bits
                if (b < 0x80) return value;
            }
            throw new Malformed();
        }

        byte[] take(long size) throws Malformed {
            if (size < 0 || size > data.length - pos) throw new Malformed(); // never trust a length prefix
            byte[] out = new byte[(int) size];
            System.arraycopy(data, pos, out, 0, out.length);
            pos += out.length;
            return out;
        }
    }

    static String decode(byte[] data) throws Malformed {
        long id = 0, stock = 0; // proto3 defaults for absent fields
        String name = "";
        List<String> skipped = new ArrayList<>();
        Reader r = new Reader(data);
        while (!r.done()) {
            long key = r.varint();
            long field = key >>> 3;
            int wireType = (int) (key & 7);
            long value = 0;
            byte[] payload = null;
            switch (wireType) {
                case 0: value = r.varint(); break;
                case 2: payload = r.take(r.varint()); break;
                case 1: r.take(8); break; // I64
                case 5: r.take(4); break; // I32
                default: throw new Malformed();
            }
            if (field == 1 && wireType == 0) {
                id = value; // the last value seen wins
            } else if (field == 2 && wireType == 2) {
                name = new String(payload, StandardCharsets.UTF_8);
            } else if (field == 16 && wireType == 0) {
                stock = value;
            } else {
                skipped.add(Long.toString(field));
            }
        }
        String text = "id=" + id + " name=\"" + name + "\" stock=" + stock;
        return skipped.isEmpty() ? text : text + " skipped=" + String.join(",", skipped);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            String hex = line.replace(" ", "").trim();
            if (hex.isEmpty()) continue;
            try {
                out.println(decode(HexFormat.of().parseHex(hex)));
            } catch (Malformed e) {
                out.println("malformed");
            }
        }
        out.flush();
    }
}
