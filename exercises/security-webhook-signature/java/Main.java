// TODO: verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
// each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
// Print `<id> accepted` or `<id> rejected: <reason>` (missing signature, unsupported scheme,
// bad signature). The signature is HMAC-SHA256 over the body's exact bytes.
// Some genuine deliveries are rejected here, and some altered ones accepted. Find out which
// bytes this code signs, and while you are there, make the comparison constant-time.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Main {
    /** Returns {@code accepted} or {@code rejected: <reason>} for one delivery. */
    static String verify(byte[] secret, String header, byte[] body) throws GeneralSecurityException {
        if (header.equals("-")) return "rejected: missing signature";
        if (!header.startsWith("sha256=")) return "rejected: unsupported scheme";
        String payload = new String(body, StandardCharsets.UTF_8).strip(); // tidy the JSON before we look at it
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        if (header.equals(expected)) return "accepted";
        return "rejected: bad signature";
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        byte[] secret = in.readLine().replaceFirst("^secret=", "").getBytes(StandardCharsets.UTF_8);
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            String[] fields = line.split(" ");
            byte[] body = Base64.getDecoder().decode(fields[2]);
            System.out.println(fields[0] + " " + verify(secret, fields[1], body));
        }
    }
}
