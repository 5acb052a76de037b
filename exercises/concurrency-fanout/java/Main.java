// TODO: stdin holds "first count". Fan out `count` simulated calls at once, one
// for each n = first, first+1, ..., first+count-1 (call n returns n*n), and print
//   count <number of results>
//   sum <sum of the results>
//   first5 [<the first five results, in call order>]
// The fan-out itself works, but the numbers are wrong. Someone made javac's
// "effectively final" error go away by turning the loop counter into a field.
// Find out what each call is really called with, and fix it.
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static int next; // the loop counter, moved here so the lambda below compiles

    static int fakeCall(int n) throws InterruptedException {
        Thread.sleep(20); // blocks a whole platform thread on Java 17
        return n * n;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        Scanner in = new Scanner(System.in);
        int first = in.nextInt();
        int count = in.nextInt();
        long start = System.nanoTime();

        // Prepare the calls first, start them all together afterwards.
        List<Callable<Integer>> calls = new ArrayList<>();
        for (next = first; next < first + count; next++) {
            calls.add(() -> fakeCall(next));
        }

        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Integer> results = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) { // futures come back in call order
                results.add(f.get());
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
        System.out.println("first5 " + results.subList(0, Math.min(5, results.size())));
        System.err.println("elapsed " + (System.nanoTime() - start) / 1_000_000 + " ms for " + count + " calls of 20 ms");
    }
}
