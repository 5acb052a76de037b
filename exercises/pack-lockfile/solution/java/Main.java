// Turn a dependency walk ("name version sha256hex" lines, duplicates allowed) into a lockfile:
// one "name@version sha256:<hex>" line per package, sorted by name in byte order, then
// "lock sha256:<hex>" of the lines above it.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, String> locked = new TreeMap<>(); // sorted by String.compareTo
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                locked.put(f[0], f[0] + "@" + f[1] + " sha256:" + f[2] + "\n");
            }
        }
        StringBuilder text = new StringBuilder();
        for (String entry : locked.values()) {
            text.append(entry);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8));
        System.out.print(text);
        System.out.println("lock sha256:" + HexFormat.of().formatHex(digest));
    }
}
