// WRONG (text-round-trip): the body is decoded to a String and encoded again, which replaces invalid UTF-8.
// Verify GitHub-style webhook signatures. The first input line is `secret=<shared secret>`;
// each further line is one delivery: `<id> <X-Hub-Signature-256 value, or -> <body as base64>`.
// The signature is HMAC-SHA256 over the body's exact bytes, compared in constant time.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Main {
    /** Returns {@code accepted} or {@code rejected: <reason>} for one delivery. */
    static String verify(byte[] secret, String header, byte[] body) throws GeneralSecurityException {
        if (header.equals("-")) return "rejected: missing signature";
        if (!header.startsWith("sha256=")) return "rejected: unsupported scheme";
        // Sign the bytes that arrived, not a tidied or re-serialised copy of them.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String text = new String(body, StandardCharsets.UTF_8); // invalid bytes become U+FFFD
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        // MessageDigest.isEqual examines every byte, so the time it takes tells an
        // attacker nothing about how much of a forged signature was right.
        boolean ok = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.UTF_8));
        return ok ? "accepted" : "rejected: bad signature";
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
