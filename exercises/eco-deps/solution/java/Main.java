// Dependency closure: each stdin line is "package: dep dep ..."; the first line's package is the
// service. Print "total N" (distinct packages the service pulls in) and, sorted by name,
// "package <- dependents" listing which packages of the closure depend on it.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, List<String>> graph = new HashMap<>();
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

        Set<String> seen = new HashSet<>(Set.of(root));
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        Map<String, Set<String>> neededBy = new TreeMap<>();
        while (!queue.isEmpty()) {
            String pkg = queue.poll();
            for (String dep : graph.getOrDefault(pkg, List.of())) {
                neededBy.computeIfAbsent(dep, k -> new TreeSet<>()).add(pkg);
                if (seen.add(dep)) { // add() is false when already seen: visit each package once
                    queue.add(dep);
                }
            }
        }

        System.out.println("total " + (seen.size() - 1));
        neededBy.forEach((dep, users) -> System.out.println(dep + " <- " + String.join(",", users)));
    }
}
