// Print "path bytes sha256:<hex>" for every "path:contents" line on stdin.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public class Main {
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int colon = line.indexOf(':');
            String path = line.substring(0, colon);
            byte[] data = line.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            System.out.println(path + " " + data.length + " sha256:" + HexFormat.of().formatHex(digest));
        }
    }
}
