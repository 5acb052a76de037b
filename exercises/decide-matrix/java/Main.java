// TODO: stdin is a CSV decision matrix: a header "criterion,weight,<option>,..." and one row per
// criterion with an integer weight and a 1-5 score per option. Print "rank option total/max"
// for every option, highest weighted total first. Equal totals share a rank and are listed in
// alphabetical order: "2 C# ..." before "2 Java ...". max is 5 * (sum of weights).
// Totals and ranks are right. Look at the order of a tie: what does reversed() reverse?
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] header = in.readLine().trim().split(",");
        List<String> options = Arrays.asList(header).subList(2, header.length);
        Map<String, Integer> totals = new LinkedHashMap<>();
        options.forEach(o -> totals.put(o, 0));
        int maxTotal = 0;
        String line;
        while ((line = in.readLine()) != null) {
            String[] cells = line.trim().split(",");
            if (cells.length < 2) continue;
            int weight = Integer.parseInt(cells[1]);
            maxTotal += 5 * weight;
            for (int i = 0; i < options.size(); i++) {
                totals.merge(options.get(i), weight * Integer.parseInt(cells[2 + i]), Integer::sum);
            }
        }

        List<Map.Entry<String, Integer>> ranking = new ArrayList<>(totals.entrySet());
        ranking.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey)
                .reversed());
        for (Map.Entry<String, Integer> e : ranking) {
            long rank = 1 + totals.values().stream().filter(t -> t > e.getValue()).count();
            System.out.println(rank + " " + e.getKey() + " " + e.getValue() + "/" + maxTotal);
        }
    }
}
