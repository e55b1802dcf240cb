package dev.paperplane.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The observer load benchmark's ceiling: a minimal JDK {@link HttpServer} on 127.0.0.1 serving the files under a
 * directory (read into memory at start) as {@code application/json} by path, ignoring the query. Run in a child JVM
 * with the observer's heap settings: {@code java -cp benchmarks/target/classes dev.paperplane.bench.StaticFileServer
 * DIR}; it prints {@code static: listening on http://127.0.0.1:PORT/} and serves until it is stopped.
 */
public final class StaticFileServer {
    private StaticFileServer() {
    }

    /** Serves {@code args[0]} on a free loopback port until the process is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: StaticFileServer DIR");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put("/" + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: a
        // 32 KiB body then takes ~40 ms. Read once, when the server's configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // One handler thread per core: the same parallelism the observer's virtual threads get from their carriers.
        ExecutorService handlers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        server.setExecutor(handlers);
        server.createContext("/", exchange -> serve(exchange, files));
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            handlers.shutdownNow();
            stopped.countDown();
        }, "static-file-server-shutdown"));
        System.out.println("static: listening on http://127.0.0.1:" + server.getAddress().getPort() + "/ ("
                + files.size() + " files from " + root + ")");
        System.out.flush();
        stopped.await();
    }

    private static void serve(HttpExchange exchange, Map<String, byte[]> files) throws IOException {
        try (exchange) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null || !List.of("GET", "HEAD").contains(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(body == null ? 404 : 405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
