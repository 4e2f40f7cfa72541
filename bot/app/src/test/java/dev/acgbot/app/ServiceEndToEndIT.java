package dev.acgbot.app;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher run as a service would run it: exit codes, start-up retries, SIGTERM, backups of a live gallery. */
class ServiceEndToEndIT {
    static final Path ROOT = LauncherEndToEndIT.ROOT;
    static final String TOKEN = "123456:SERVICEtestTOKEN_value";

    /** A bot process left running; stdin stays open until {@link #closeInput()}. */
    record Running(Process process, Path stdout, Path stderr) {
        String out() throws IOException {
            return Files.readString(stdout);
        }

        String err() throws IOException {
            return Files.readString(stderr);
        }

        void send(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        void closeInput() throws IOException {
            process.getOutputStream().close();
        }

        void awaitOutput(Predicate<String> done, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (done.test(out() + err())) {
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("waited for " + what + "; alive " + process.isAlive() + "\nstdout:\n" + out() + "\nstderr:\n" + err());
        }

        /** SIGTERM, as systemd and docker stop send it. */
        int terminate() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not stop within 30 s of SIGTERM\nstderr:\n" + err());
            }
            return process.exitValue();
        }
    }

    static Running start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("acgbot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().remove("DISCORD_TOKEN");
        pb.environment().remove("ACGBOT_CONFIG");
        pb.environment().putAll(env);
        String name = "run" + System.nanoTime();
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new Running(pb.start(), out, err);
    }

    static LauncherEndToEndIT.Result run(Path workDir, String stdin, String... args) throws Exception {
        return LauncherEndToEndIT.launch(workDir, stdin, args);
    }

    static List<String> errorLines(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("WARNING")).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int httpStatus(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** A Bot API stand-in: the token {@code accepted} works, any other gets 401. */
    static HttpServer telegram(int port, String accepted) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (!path.startsWith("/bot" + accepted + "/")) {
                status = 401;
                body = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
            } else if (path.toLowerCase().endsWith("/getme")) {
                body = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Test\",\"username\":\"test_bot\"}}";
            } else if (path.toLowerCase().endsWith("/getupdates")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = "{\"ok\":true,\"result\":[]}";
            } else {
                body = "{\"ok\":true,\"result\":true}";
            }
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
        return server;
    }

    @Test
    void withNoAdapterAndNoTerminalItExits2NamingTheTokenVariables(@TempDir Path dir) throws Exception {
        LauncherEndToEndIT.Result r = run(dir, "");
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(List.of("acgbot: no chat adapter is configured and stdin is not a terminal for the console: set TELEGRAM_BOT_TOKEN"
                + " or DISCORD_TOKEN (or adapters.<platform>.token), or run 'acgbot console' to read commands from stdin"),
                errorLines(r.stderr()));
    }

    @Test
    void aRefusedTokenExits2WithOneLineAndWithoutTheToken(@TempDir Path dir) throws Exception {
        int port = freePort();
        HttpServer server = telegram(port, "999:other");
        try {
            Files.writeString(dir.resolve("bot.yaml"), "adapters:\n  telegram:\n    base_url: http://127.0.0.1:" + port
                    + "\n    register_commands: false\n");
            Running bot = start(dir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN), "--config", "bot.yaml");
            assertTrue(bot.process().waitFor(60, TimeUnit.SECONDS), "exits");
            assertEquals(2, bot.process().exitValue(), bot.err());
            List<String> ours = bot.err().lines().filter(l -> l.startsWith("acgbot: ")).toList();
            assertEquals(List.of("acgbot: Telegram rejected the bot token (401 Unauthorized): check adapters.telegram.token or TELEGRAM_BOT_TOKEN"),
                    ours, bot.err());
            assertFalse(bot.err().contains("SERVICEtestTOKEN"), bot.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPlatformUnreachableAtStartIsRetriedUntilItAnswersAndSigtermExits0(@TempDir Path dir) throws Exception {
        int telegramPort = freePort();
        int healthPort = freePort();
        Files.writeString(dir.resolve("bot.yaml"), """
                adapters:
                  telegram:
                    base_url: http://127.0.0.1:%d
                    poll_timeout: 1s
                    register_commands: false
                network:
                  start_retry_initial: 200ms
                  start_retry_max: 400ms
                health:
                  enabled: true
                  port: %d
                """.formatted(telegramPort, healthPort));
        Running bot = start(dir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN), "--config", "bot.yaml");
        HttpServer server = null;
        try {
            bot.awaitOutput(s -> s.contains("telegram adapter could not connect (attempt 3)"), "three attempts");
            assertEquals(503, httpStatus(healthPort, "/healthz"), "not healthy while nothing is connected");
            server = telegram(telegramPort, TOKEN);
            bot.awaitOutput(s -> s.contains("telegram adapter started (attempt"), "the adapter to connect");
            assertEquals(200, httpStatus(healthPort, "/healthz"));
            assertEquals(0, bot.terminate(), bot.err());
            assertTrue(bot.err().contains("acgbot stopped"), bot.err());
            assertFalse(bot.err().contains("SERVICEtestTOKEN"), bot.err());
        } finally {
            bot.process().destroyForcibly();
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static Path knownAnswerConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("known-answer.yaml"), """
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: synthetic-colour-clip-image
                  clip_text: synthetic-colour-clip-text
                gallery:
                  folders: [%s]
                """.formatted(dir.resolve("data"), ROOT.resolve("models/synthetic"), ROOT.resolve("plugins/commands/known-answer/gallery")));
    }

    /** The lines of the answer to a /search, from the console's transcript. */
    private static String searchAnswer(String stdout) {
        int start = stdout.indexOf("> /search");
        assertTrue(start >= 0, stdout);
        String rest = stdout.substring(start);
        int end = rest.indexOf("\n> ", 1);
        return end < 0 ? rest : rest.substring(0, end);
    }

    @Test
    void aLiveGalleryIsBackedUpAndRestoredWithIdenticalAnswersAndTheStoreIsClosedOnSigterm(@TempDir Path dir) throws Exception {
        Path config = knownAnswerConfig(dir);
        String cfg = config.toString();

        Path elsewhere = dir.resolve("elsewhere");
        LauncherEndToEndIT.Result indexedElsewhere = run(dir, "", "index", "--config", cfg, "--data-dir", elsewhere.toString());
        assertEquals(0, indexedElsewhere.exitCode(), indexedElsewhere.stderr());
        assertTrue(Files.isRegularFile(elsewhere.resolve("logs/acgbot.log")), "index --data-dir logs into that directory");

        LauncherEndToEndIT.Result indexed = run(dir, "", "index", "--config", cfg);
        assertEquals(0, indexed.exitCode(), indexed.stderr());
        assertTrue(indexed.stdout().contains("added 7"), indexed.stdout());
        String before = searchAnswer(run(dir, "/search 樱花 k:3\n", "console", "--config", cfg).stdout());
        assertTrue(before.contains("pink.png"), before);

        Running bot = start(dir, Map.of(), "console", "--config", cfg);
        Path backup = dir.resolve("backups/gallery.zip");
        try {
            bot.send("/search 樱花 k:3");
            // the whole answer: up to its last line (the hit's score and name); reading at the header raced the lines after it
            bot.awaitOutput(s -> s.contains("· pink.png\n"), "the running bot to answer (and hold the gallery open)");
            assertEquals(before, searchAnswer(bot.out()));

            LauncherEndToEndIT.Result locked = run(dir, "", "index", "--config", cfg);
            assertEquals(1, locked.exitCode());
            assertEquals(List.of("acgbot: the gallery is in use by a running bot; stop it or use /reindex"), errorLines(locked.stderr()));

            LauncherEndToEndIT.Result backedUp = run(dir, "", "gallery", "backup", "--config", cfg, backup.toString());
            assertEquals(0, backedUp.exitCode(), backedUp.stderr());
            assertTrue(backedUp.stdout().startsWith("backed up by the running bot: " + backup), backedUp.stdout());

            assertEquals(0, bot.terminate(), bot.err());
            assertTrue(Files.readString(dir.resolve("data/logs/acgbot.log")).contains("acgbot stopped"));
            assertFalse(Files.exists(dir.resolve("data/acgbot.sock")), "the control socket is removed");
        } finally {
            bot.process().destroyForcibly();
        }

        LauncherEndToEndIT.Result reopened = run(dir, "", "index", "--config", cfg);
        assertEquals(0, reopened.exitCode(), "the store was closed cleanly: " + reopened.stderr());
        assertTrue(reopened.stdout().contains("unchanged 7"), reopened.stdout());

        deleteRecursively(dir.resolve("data"));
        LauncherEndToEndIT.Result restored = run(dir, "", "gallery", "restore", "--config", cfg, backup.toString());
        assertEquals(0, restored.exitCode(), restored.stderr());
        assertEquals(before, searchAnswer(run(dir, "/search 樱花 k:3\n", "console", "--config", cfg).stdout()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
