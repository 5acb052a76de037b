// TODO: each stdin line is "package: dep dep ..."; the first line's package is your service.
// Print "total N" (how many distinct packages the service pulls in, directly or not) and then,
// sorted by name, "package <- a,b" listing (sorted, once each) the packages of the closure
// that depend on it. The walk below follows every PATH through the graph: look at the total,
// and at the lines for packages that two others share.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    static Map<String, List<String>> graph = new HashMap<>();
    static int visits = 0;
    static Map<String, List<String>> neededBy = new TreeMap<>();

    static void walk(String pkg) {
        for (String dep : graph.getOrDefault(pkg, List.of())) {
            visits++;
            neededBy.computeIfAbsent(dep, k -> new ArrayList<>()).add(pkg);
            walk(dep);
        }
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String root = null;
        String line;
        while ((line = in.readLine()) != null) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim();
            String deps = line.substring(colon + 1).trim();
            graph.put(name, deps.isEmpty() ? List.of() : List.of(deps.split("\\s+")));
            if (root == null) root = name;
        }

        walk(root);
        System.out.println("total " + visits);
        neededBy.forEach((dep, users) -> {
            Collections.sort(users);
            System.out.println(dep + " <- " + String.join(",", users));
        });
    }
}
