// Reference solution: check the shape with an ASCII-only pattern, then convert.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

public class Main {
    // [0-9] is ASCII only; Integer.parseInt on its own also accepts "+80", "-1" and "٨٠".
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    static final class PortException extends Exception {
        PortException(String message) {
            super(message);
        }
    }

    static int parsePort(String text) throws PortException {
        if (!DIGITS.matcher(text).matches()) {
            throw new PortException("not a number");
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // Only digits are left, so the one way to fail is a value too big for an int.
            throw new PortException("out of range");
        }
        if (port < 1 || port > 65535) {
            throw new PortException("out of range");
        }
        return port;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                System.out.println("ok " + parsePort(line));
            } catch (PortException e) {
                System.out.println("error " + e.getMessage());
            }
        }
    }
}
