// WRONG (lock-per-call): synchronized on a new Object excludes nobody.
// TODO: split CPU-bound work over threads. stdin: "n workers".
// Worker w sums f(x) = x*x % 1009 over [w*n/workers, (w+1)*n/workers), one block of
// 1,000 numbers at a time, and adds every block to a running total that all workers share.
// stdout: "worker w [lo, hi) sum" per worker, then "total t".
// Every worker's own sum is right, but the total is too small, and different on every
// run. Make it right, in the way that is idiomatic in Java.
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static final long BLOCK = 1_000;
    static long total; // the running total, shared by every worker

    static long work(long lo, long hi) {
        long sum = 0;
        for (long x = lo; x < hi; x++) {
            sum += x * x % 1009; // long: x*x overflows int once x passes 46340
        }
        return sum;
    }

    static long worker(long lo, long hi) {
        long mine = 0;
        for (long start = lo; start < hi; start += BLOCK) {
            long part;
            synchronized (new Object()) { // a new monitor on every pass: nobody else ever waits for it
                long current = total;
                part = work(start, Math.min(start + BLOCK, hi));
                total = current + part;
            }
            mine += part;
        }
        return mine;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        Scanner in = new Scanner(System.in);
        long n = in.nextLong();
        int workers = in.nextInt();
        long[] lo = new long[workers];
        long[] hi = new long[workers];
        for (int w = 0; w < workers; w++) {
            lo[w] = w * n / workers;
            hi[w] = (w + 1) * n / workers;
        }

        long t0 = System.nanoTime();
        long sequential = work(0, n);
        long t1 = System.nanoTime();
        List<Callable<Long>> jobs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final long from = lo[w], to = hi[w];
            jobs.add(() -> worker(from, to));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] parts = new long[workers];
        try {
            List<Future<Long>> futures = pool.invokeAll(jobs); // waits for all, keeps order
            for (int w = 0; w < workers; w++) {
                parts[w] = futures.get(w).get();
            }
        } finally {
            pool.shutdown();
        }
        long t2 = System.nanoTime();

        StringBuilder out = new StringBuilder();
        for (int w = 0; w < workers; w++) {
            out.append("worker ").append(w).append(" [").append(lo[w]).append(", ").append(hi[w])
               .append(") ").append(parts[w]).append('\n');
        }
        out.append("total ").append(total).append('\n');
        System.out.print(out);
        System.err.println("sequential " + (t1 - t0) / 1_000_000 + " ms (total " + sequential + "), "
                + workers + " threads " + (t2 - t1) / 1_000_000 + " ms");
    }
}
