// TODO: read one candidate port per line from stdin and print, for each line:
//   "ok N" if the line is only ASCII digits 0-9 with a value from 1 to 65535,
//   "error not a number" if it is empty or has any other character (space, sign, "_", ...),
//   "error out of range" if it is all digits but 0 or above 65535.
// This starter trusts Integer.parseInt, whose idea of a number is not a port's.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    static final class PortException extends Exception {
        PortException(String message) {
            super(message);
        }
    }

    static int parsePort(String text) throws PortException {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PortException("not a number");
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
