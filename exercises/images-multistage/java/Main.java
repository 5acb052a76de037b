// TODO: read a multi-stage build (stdin): "FROM <image> AS <stage>" starts a
// stage, "layer <bytes> <comment>" adds a layer to the current stage, "#" lines
// are comments. The per-stage lines are right, but the "shipped" line reports
// far more than the image you would actually push. Fix it.
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
        long imageBytes = 0; // everything the Dockerfile builds
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("FROM")) {
                stages.add(new Stage(words[3]));
            } else if (words[0].equals("layer")) {
                long size = Long.parseLong(words[1]);
                stages.get(stages.size() - 1).bytes += size;
                imageBytes += size;
            }
        }
        StringBuilder out = new StringBuilder();
        for (Stage s : stages) {
            out.append("stage ").append(s.name).append(' ').append(formatMb(s.bytes)).append(" MB\n");
        }
        Stage last = stages.get(stages.size() - 1);
        out.append("shipped ").append(last.name).append(' ').append(formatMb(imageBytes)).append(" MB\n");
        System.out.print(out);
    }
}
