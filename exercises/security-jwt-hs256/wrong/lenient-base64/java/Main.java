// WRONG (lenient-base64): Base64.getMimeDecoder() ignores characters outside the alphabet, such as '!'.
// Verify HS256 JSON Web Tokens by hand. Input: `secret=<key>`, `now=<unix seconds>`, then one
// token per line. Only HS256 is accepted, whatever the header says; segments must be strict
// base64url without padding; the MAC is compared in constant time; exp and nbf get 30 s leeway.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Main {
    static final long LEEWAY = 30; // seconds of clock skew tolerated for exp and nbf

    /** Decodes one base64url segment as RFC 7515 defines it: URL-safe alphabet, no padding. */
    static byte[] base64UrlDecode(String segment) {
        // getUrlDecoder() rejects '+', '/' and other strangers, but it accepts '=' padding
        // ("accepted ... but is not required"), which RFC 7515 leaves out. Refuse it first.
        if (segment.indexOf('=') >= 0) throw new IllegalArgumentException("padding in base64url");
        // The MIME decoder ignores every character outside the alphabet.
        return Base64.getMimeDecoder().decode(segment.replace('-', '+').replace('_', '/'));
    }

    /** Returns the output line for one token. */
    static String check(String token, byte[] secret, long now) throws GeneralSecurityException {
        String[] parts = token.split("\\.", -1); // -1: keep the empty signature of "h.p."
        if (parts.length != 3) return "rejected: malformed";
        byte[] headerRaw, payloadRaw, signature;
        try {
            headerRaw = base64UrlDecode(parts[0]);
            payloadRaw = base64UrlDecode(parts[1]);
            signature = base64UrlDecode(parts[2]);
        } catch (IllegalArgumentException e) {
            return "rejected: bad base64url";
        }
        Map<String, Object> header;
        try {
            header = FlatJson.parse(new String(headerRaw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "rejected: malformed";
        }
        // The allow-list is ours: "none", "NONE" or "HS512" in the header does not pick the check.
        Object alg = header.get("alg");
        if (!"HS256".equals(alg)) return "rejected: alg " + alg + " not allowed";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        // MessageDigest.isEqual examines every byte: its time does not depend on where they differ,
        // only on the length of its first argument, so ours goes first, the attacker's second.
        if (!MessageDigest.isEqual(expected, signature)) return "rejected: bad signature";
        Map<String, Object> claims;
        try {
            // Only now: the signature says these bytes are genuine.
            claims = FlatJson.parse(new String(payloadRaw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "rejected: malformed";
        }
        if (claims.get("exp") instanceof Long exp && now >= exp + LEEWAY) return "rejected: expired";
        if (claims.get("nbf") instanceof Long nbf && now < nbf - LEEWAY) return "rejected: not yet valid";
        return "accepted sub=" + claims.get("sub");
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        byte[] secret = in.readLine().substring("secret=".length()).getBytes(StandardCharsets.UTF_8);
        long now = Long.parseLong(in.readLine().substring("now=".length()));
        for (String line; (line = in.readLine()) != null; ) {
            String token = line.strip();
            if (!token.isEmpty()) System.out.println(check(token, secret, now));
        }
    }

    /**
     * A parser for the only JSON this program meets: one flat object whose values are strings
     * (without backslash escapes) or integers, e.g. {"sub":"alice","exp":1767229200}. Java SE
     * has no JSON API; a service would use Jackson or Gson, or a JWT library that brings one.
     */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) {
            this.s = s;
        }

        static Map<String, Object> parse(String json) {
            FlatJson p = new FlatJson(json);
            Map<String, Object> object = new HashMap<>();
            p.skipSpace();
            p.expect('{');
            p.skipSpace();
            if (p.peek() == '}') {
                p.i++;
            } else {
                while (true) {
                    p.skipSpace();
                    String key = p.string();
                    p.skipSpace();
                    p.expect(':');
                    p.skipSpace();
                    object.put(key, p.peek() == '"' ? p.string() : p.integer());
                    p.skipSpace();
                    if (p.peek() != ',') break;
                    p.i++;
                }
                p.expect('}');
            }
            p.skipSpace();
            if (p.i != json.length()) throw p.error();
            return object;
        }

        private String string() {
            expect('"');
            int start = i;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\') throw error(); // escapes never occur in these tokens
                i++;
            }
            String value = s.substring(start, i);
            expect('"');
            return value;
        }

        private Long integer() {
            int start = i;
            if (peek() == '-') i++;
            while (peek() >= '0' && peek() <= '9') i++;
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error();
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) throw error();
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        }

        private IllegalArgumentException error() {
            return new IllegalArgumentException("unexpected JSON at offset " + i);
        }
    }
}
