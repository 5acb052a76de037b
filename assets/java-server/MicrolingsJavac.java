// microlings' Java compile server: keeps javac warm between checks, as Bazel's persistent
// javac workers and Gradle's compiler daemon do.
//
// microlings compiles this file once with the learner's own javac into its cache and starts it
// (JDK 16 or newer: it listens on a Unix domain socket) in a session of its own. Every request
// is compiled by javac's own entry point (com.sun.tools.javac.main.Main) in a fresh context, a
// fresh task with its own file manager, so nothing is kept between one learner's files and the
// next, and the answer is what plain javac prints, byte for byte. Cancelling uses the
// javax.tools/com.sun.source TaskListener API. Needs --add-exports for jdk.compiler's
// com.sun.tools.javac.{api,file,main,util} at compile and run time.
//
// Protocol (UTF-8 lines, one connection per compile):
//   request:  "microlings-javac 1", "deadline-ms N", "dir PATH", "arg A"..., "end"
//   then the client keeps the connection open; closing it, or sending any byte, cancels.
//   answer:   "status N" (javac's exit code) or "cancelled" or "failed WHY", then javac's output.
// A cancelled compile stops at javac's next phase (a TaskListener that throws), and only then is
// "cancelled" sent, so the client knows the compile is over.
//
// Arguments: SOCKET IDLE_SECONDS. The server stops after IDLE_SECONDS without a request.

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.tools.JavaFileManager;

import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.file.JavacFileManager;
import com.sun.tools.javac.main.Main;
import com.sun.tools.javac.util.Context;

public final class MicrolingsJavac {
    private static final String PROTOCOL = "microlings-javac 1";
    private static final int MAX_REQUEST = 64 * 1024;

    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final AtomicLong LAST_USE = new AtomicLong(System.nanoTime());

    /** Thrown by the task listener to stop a compile whose client is gone or out of time. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long idleNanos = Long.parseLong(args[1]) * 1_000_000_000L;
        // Only one server holds the liveness lock (microlings took it for us before exec), so a
        // socket file here is a dead server's.
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Object mine = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
        Thread idle = new Thread(() -> stopWhenIdle(server, socket, mine, idleNanos), "idle");
        idle.setDaemon(true);
        idle.start();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // Closed by the idle thread.
                return;
            }
            ACTIVE.incrementAndGet();
            Thread t = new Thread(() -> serve(client), "compile");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void stopWhenIdle(
            ServerSocketChannel server, Path socket, Object mine, long idleNanos) {
        while (true) {
            try {
                Thread.sleep(Math.min(1000, Math.max(50, idleNanos / 4_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            if (ACTIVE.get() == 0 && System.nanoTime() - LAST_USE.get() > idleNanos) {
                try {
                    // Only our own socket: after its lock file was deleted, a new server may
                    // listen at the same path.
                    if (mine != null && mine.equals(
                            Files.readAttributes(socket, BasicFileAttributes.class).fileKey())) {
                        Files.deleteIfExists(socket);
                    }
                    server.close();
                } catch (IOException e) {
                    // Exiting anyway.
                }
                System.exit(0);
            }
        }
    }

    private static void serve(SocketChannel client) {
        try (client) {
            String answer;
            try {
                answer = handle(client);
            } catch (Cancelled c) {
                answer = "cancelled\n";
            } catch (RuntimeException | IOException e) {
                answer = "failed " + e.toString().replace('\n', ' ') + "\n";
            }
            ByteBuffer bytes = ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    client.write(bytes);
                }
            } catch (IOException e) {
                // The client is gone: nobody to tell.
            }
        } catch (IOException e) {
            // Closing failed: nothing left to do.
        } finally {
            LAST_USE.set(System.nanoTime());
            ACTIVE.decrementAndGet();
        }
    }

    /** Reads the request up to its "end" line; the channel's own read and write locks are
     * separate, so the cancel watcher's read never blocks the answer's write (streams from
     * Channels.newInputStream/newOutputStream would share one lock). */
    private static List<String> readRequest(SocketChannel client) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (true) {
            buf.clear();
            if (client.read(buf) < 0) {
                throw new IOException("request ended early");
            }
            request.write(buf.array(), 0, buf.position());
            if (request.size() > MAX_REQUEST) {
                throw new IOException("request too long");
            }
            String text = request.toString(StandardCharsets.UTF_8);
            if (text.startsWith("end\n") || text.contains("\nend\n")) {
                return List.of(text.split("\n", -1));
            }
        }
    }

    private static String handle(SocketChannel client) throws IOException {
        List<String> lines = readRequest(client);
        if (!PROTOCOL.equals(lines.get(0))) {
            throw new IOException("unknown protocol");
        }
        long deadline = System.nanoTime();
        String dir = null;
        List<String> options = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.equals("end")) {
                break;
            } else if (line.startsWith("deadline-ms ")) {
                deadline += Long.parseLong(line.substring(12)) * 1_000_000L;
            } else if (line.startsWith("dir ")) {
                dir = line.substring(4);
            } else if (line.startsWith("arg ")) {
                String arg = line.substring(4);
                // The server does not run in the directory: sources are named in full.
                if (arg.endsWith(".java") && dir != null) {
                    files.add(Path.of(dir).resolve(arg));
                } else {
                    options.add(arg);
                }
            } else {
                throw new IOException("unknown request line");
            }
        }
        if (dir == null) {
            throw new IOException("no directory");
        }
        // The client cancels by closing the connection or sending a byte.
        final long until = deadline;
        final boolean[] cancelled = {false};
        Thread watcher = new Thread(() -> {
            try {
                client.read(ByteBuffer.allocate(1));
            } catch (IOException e) {
                // Closed: the same as a cancel.
            }
            synchronized (cancelled) {
                cancelled[0] = true;
            }
        }, "cancel-watch");
        watcher.setDaemon(true);
        watcher.start();
        TaskListener stopper = new TaskListener() {
            private void check() {
                boolean stop;
                synchronized (cancelled) {
                    stop = cancelled[0];
                }
                if (stop || System.nanoTime() - until > 0) {
                    throw new Cancelled();
                }
            }

            @Override
            public void started(TaskEvent e) {
                check();
            }

            @Override
            public void finished(TaskEvent e) {
                check();
            }
        };
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        // javac's own entry point in a fresh context: the same file manager, log and error
        // count as the command line, so the output is plain javac's byte for byte (through
        // javax.tools' getTask, a file manager of its own reports decoding errors elsewhere).
        Context context = new Context();
        // As Main.compile(String[]) does: the file manager shares the context's log.
        JavacFileManager.preRegister(context);
        MultiTaskListener.instance(context).add(stopper);
        List<String> argv = new ArrayList<>(options);
        for (Path f : files) {
            argv.add(f.toString());
        }
        int exit;
        try {
            exit = new Main("javac", writer).compile(argv.toArray(new String[0]), context).exitCode;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Cancelled) {
                    throw (Cancelled) t;
                }
            }
            throw e;
        } finally {
            JavaFileManager manager = context.get(JavaFileManager.class);
            if (manager != null) {
                manager.close();
            }
        }
        writer.flush();
        // Plain javac, run in the directory, names the file as given: "Main.java:3: error:".
        String output = text.toString().replace(dir + "/", "");
        return "status " + exit + "\n" + output;
    }
}
