package dev.acgbot.core.console;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A chat on the terminal for the local operator (who counts as an admin). A path on a command line stands
 * in for an attachment ({@code /tag ./art.png}); a line that is only a path "posts" that image, and a
 * command without an image then works as a reply to the last image posted. Commands run one at a time,
 * so a script piped to stdin runs in order and the adapter ends at end of input.
 */
public final class ConsoleAdapter implements ChatAdapter {
    public static final String PLATFORM = "console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdapter.class);

    private final InputStream in;
    private final PrintStream out;
    private final boolean interactive;
    private final Path workingDir;
    private final ConsoleRenderer renderer;
    private final MessageOrigin origin;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile boolean closing;
    private PathAttachment lastImage;

    private final Language language;

    public ConsoleAdapter(InputStream in, PrintStream out, boolean interactive, Path workingDir, Path outputDir) {
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.workingDir = workingDir;
        // the operator's locale (LANG=zh_CN.UTF-8) is the console user's "app language", as Telegram's language_code is
        String languageTag = System.getenv().getOrDefault("LANG", "");
        this.language = Language.fromTag(languageTag).orElse(Language.EN);
        this.renderer = new ConsoleRenderer(out, outputDir, language);
        String user = System.getProperty("user.name", "operator");
        this.origin = new MessageOrigin(PLATFORM, "console", new ChatUser("local", user, languageTag), true, true);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public void start(InboundSink sink, List<CommandSpec> commands) {
        Thread t = new Thread(() -> readLoop(sink), "acgbot-console");
        t.setDaemon(true);
        reader = t;
        if (interactive) {
            out.println(CoreMessages.format(language, "console.banner"));
        }
        t.start();
    }

    /** Blocks until the input ended (Ctrl-D or end of a script) and the last command finished. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Like {@link #awaitEnd()} with a limit; returns false when it ran out. */
    public boolean awaitEndWithin(long seconds) throws InterruptedException {
        return ended.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void readLoop(InboundSink sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (!closing) {
                if (interactive) {
                    out.print("you> ");
                    out.flush();
                }
                String line = lines.readLine();
                if (line == null) {
                    if (interactive) {
                        out.println();
                    }
                    break;
                }
                if (!handleLine(sink, line.strip())) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warn("console input failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    /** Returns false when the user asked to quit. */
    private boolean handleLine(InboundSink sink, String line) throws InterruptedException {
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        if (!interactive) {
            out.println("> " + line);
        }
        if (line.equals("/quit") || line.equals("/exit")) {
            return false;
        }
        if (!line.startsWith("/")) {
            Optional<Path> posted = existingFile(line);
            if (posted.isPresent()) {
                lastImage = new PathAttachment(posted.get());
                out.println(CoreMessages.format(language, "console.posted", lastImage.fileName()));
            } else {
                out.println(CoreMessages.format(language, "console.not_a_command"));
            }
            return true;
        }
        List<Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String[] tokens = line.split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i > 0 && looksLikePath(token)) {
                Optional<Path> file = existingFile(token);
                if (file.isEmpty()) {
                    out.println("⚠ " + CoreMessages.format(language, "console.no_such_file", token));
                    return true;
                }
                attachments.add(new PathAttachment(file.get()));
                continue;
            }
            text.append(text.isEmpty() ? "" : " ").append(token);
        }
        Optional<RepliedMessage> replied = attachments.isEmpty() && lastImage != null
                ? Optional.of(new RepliedMessage("last-image", "", List.of(lastImage)))
                : Optional.empty();
        if (!attachments.isEmpty()) {
            lastImage = (PathAttachment) attachments.get(attachments.size() - 1);
        }
        CountDownLatch done = new CountDownLatch(1);
        boolean taken = sink.onText(origin, text.toString(), null, attachments, replied, new ConsoleResponder(done));
        if (!taken) {
            out.println(CoreMessages.format(language, "console.unknown_command"));
            return true;
        }
        done.await();
        return true;
    }

    /** Explicit paths ({@code ./x}, {@code ../x}, {@code ~/x}, {@code /a/b}) or a bare name of an existing file. */
    private boolean looksLikePath(String token) {
        if (token.startsWith("./") || token.startsWith("../") || token.startsWith("~/")
                || (token.startsWith("/") && token.indexOf('/', 1) > 0)) {
            return true;
        }
        return token.contains(".") && !token.contains(":") && existingFile(token).isPresent();
    }

    private Optional<Path> existingFile(String token) {
        try {
            String expanded = token.startsWith("~/") ? System.getProperty("user.home") + token.substring(1) : token;
            Path p = workingDir.resolve(expanded).normalize();
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closing = true;
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }

    private final class ConsoleResponder implements Responder {
        private final CountDownLatch done;

        ConsoleResponder(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public void send(Reply reply) {
            renderer.render(reply);
        }

        @Override
        public ProgressMessage progress(String initialText) {
            renderer.progress(initialText);
            return new ProgressMessage() {
                private String last = initialText;

                @Override
                public synchronized void update(String text) {
                    if (!text.equals(last)) {
                        last = text;
                        renderer.progress(text);
                    }
                }
            };
        }

        @Override
        public void completed() {
            done.countDown();
        }

        /** The operator at the console sees every answer, repeats included: scripts read in order. */
        @Override
        public boolean answerRequired() {
            return true;
        }
    }
}
