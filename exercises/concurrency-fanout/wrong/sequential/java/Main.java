// WRONG (sequential): calls each one in turn on the main thread: 20 ms times the number of calls.
// Fan out `count` simulated calls (20 ms of pretend I/O each) at the same time, for
// n = first .. first+count-1 (stdin: "first count"), then print count, sum and the
// first five results in call order. Elapsed time goes to stderr: it is not graded.
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static int fakeCall(int n) throws InterruptedException {
        Thread.sleep(20); // blocks a whole platform thread on Java 17
        return n * n;
    }

    public static void main(String[] args) throws Exception {
        Scanner in = new Scanner(System.in);
        int first = in.nextInt();
        int count = in.nextInt();
        long start = System.nanoTime();

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            final int n = i; // a lambda may capture only (effectively) final locals
            calls.add(() -> fakeCall(n));
        }

        // Java 17: one platform thread per concurrent call. On JDK 21+,
        // Executors.newVirtualThreadPerTaskExecutor() makes this cheap.
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Integer> results = new ArrayList<>();
        try {
            for (Callable<Integer> call : calls) { // one after another
                results.add(call.call());
            }
        } finally {
            pool.shutdown();
        }

        long sum = 0;
        for (int r : results) {
            sum += r;
        }
        System.out.println("count " + results.size());
        System.out.println("sum " + sum);
        // List.toString gives "[0, 1, 4, 9, 16]"
        System.out.println("first5 " + results.subList(0, Math.min(5, results.size())));
        System.err.println("elapsed " + (System.nanoTime() - start) / 1_000_000 + " ms for " + count + " calls of 20 ms");
    }
}
