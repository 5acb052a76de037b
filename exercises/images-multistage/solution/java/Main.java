// Read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a stage,
// "layer <bytes> <comment>" adds a layer to the current stage, "#" lines are
// comments. Print "stage <name> <MB> MB" for every stage, then
// "shipped <name> <MB> MB" for the image that is pushed: the LAST stage only.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final long BYTES_PER_MB = 1_000_000L;

    static final class Stage {
        final String name;
        long bytes;

        Stage(String name) {
            this.name = name;
        }
    }

    static String formatMb(long total) {
        long tenths = (total * 10 + BYTES_PER_MB / 2) / BYTES_PER_MB;
        return (tenths / 10) + "." + (tenths % 10);
    }

    public static void main(String[] args) throws IOException {
        List<Stage> stages = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("FROM")) {
                stages.add(new Stage(words[3]));
            } else if (words[0].equals("layer")) {
                stages.get(stages.size() - 1).bytes += Long.parseLong(words[1]);
            }
        }
        StringBuilder out = new StringBuilder();
        for (Stage s : stages) {
            out.append("stage ").append(s.name).append(' ').append(formatMb(s.bytes)).append(" MB\n");
        }
        // Earlier stages only feed files to later ones through COPY --from;
        // their layers are not part of the pushed image.
        Stage last = stages.get(stages.size() - 1);
        out.append("shipped ").append(last.name).append(' ').append(formatMb(last.bytes)).append(" MB\n");
        System.out.print(out);
    }
}
