package dev.acgbot.core.console;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.OptionType;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ConsoleRenderer renderer;
    private final MessageOrigin origin;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile boolean closing;
    private PathAttachment lastImage;
    private final ConsolePaths paths;
    /** Commands that take images: for them a bare folder name or a quoted file name is a path, not text. */
    private final Set<String> imageCommands = ConcurrentHashMap.newKeySet();

    /**
     * The language of the console's own notes: the operator's locale until the router answers, then the language it
     * resolved for this chat (so a {@code /lang zh} also turns "No such file" into Chinese, as on the platforms).
     */
    private volatile Language language;

    public ConsoleAdapter(InputStream in, PrintStream out, boolean interactive, Path workingDir, Path outputDir) {
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.paths = new ConsolePaths(workingDir);
        // the operator's locale (LANG=zh_CN.UTF-8) is the console user's "app language", as Telegram's language_code is
        String languageTag = System.getenv().getOrDefault("LANG", "");
        this.language = Language.fromTag(languageTag).orElse(Language.EN);
        this.renderer = new ConsoleRenderer(out, outputDir, () -> language);
        String user = System.getProperty("user.name", "operator");
        this.origin = new MessageOrigin(PLATFORM, "console", new ChatUser("local", user, languageTag), true, true);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public void start(InboundSink sink, List<CommandSpec> commands) {
        for (CommandSpec spec : commands) {
            if (spec.usesRepliedImages() || spec.options().stream().anyMatch(o -> o.type() == OptionType.ATTACHMENT)) {
                imageCommands.add(spec.name());
                imageCommands.addAll(spec.aliases());
            }
        }
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
            postLine(line);
            return true;
        }
        List<Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<ConsolePaths.Word> words = ConsolePaths.words(line);
        String command = words.get(0).path().substring(1).split("@", 2)[0].toLowerCase(java.util.Locale.ROOT);
        boolean takesImages = imageCommands.contains(command);
        for (int i = 0; i < words.size(); i++) {
            ConsolePaths.Word word = words.get(i);
            if (i > 0) {
                int last = bareRunNamingAPath(words, i);
                String typed = last > i ? join(words, i, last) : word.path();
                if (last > i || looksLikePath(word, takesImages)) {
                    ConsolePaths.Found found = paths.find(typed);
                    if (!(found instanceof ConsolePaths.Found.File file)) {
                        out.println("⚠ " + explain(found));
                        return true;
                    }
                    attachments.add(new PathAttachment(file.path()));
                    i = Math.max(i, last);
                    continue;
                }
            }
            text.append(text.isEmpty() ? "" : " ").append(word.raw());
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

    /**
     * A line without a command: a path posts that image (a command without an image then replies to it, as in a
     * chat where you post a picture and then answer it with /tag). The whole line is tried as it is first, so
     * {@code my art.png} works unquoted; then as one quoted or escaped word.
     */
    private void postLine(String line) {
        ConsolePaths.Found found = paths.find(line);
        List<ConsolePaths.Word> words = ConsolePaths.words(line);
        if (found instanceof ConsolePaths.Found.Missing && words.size() == 1) {
            found = paths.find(words.get(0).path());
        }
        if (found instanceof ConsolePaths.Found.File file) {
            lastImage = new PathAttachment(file.path());
            out.println(CoreMessages.format(language, "console.posted", lastImage.fileName()));
        } else if (found instanceof ConsolePaths.Found.Folder || (words.size() == 1
                && (words.get(0).quoted() || ConsolePaths.explicit(words.get(0).path()) || words.get(0).path().contains("/")))) {
            out.println("⚠ " + explain(found));
        } else {
            out.println(CoreMessages.format(language, "console.not_a_command"));
        }
    }

    /** Why a typed path gave no image: a folder (with an example from it), or nothing there. */
    private String explain(ConsolePaths.Found found) {
        return switch (found) {
            case ConsolePaths.Found.Folder folder -> folder.example()
                    .map(e -> CoreMessages.format(language, "console.folder", folder.path(), folder.path().resolve(e.getFileName())))
                    .orElseGet(() -> CoreMessages.format(language, "console.folder_without_images", folder.path()));
            case ConsolePaths.Found.Missing missing -> CoreMessages.format(language, "console.no_such_file", missing.typed());
            case ConsolePaths.Found.File file -> file.path().toString();
        };
    }

    /**
     * The last index of a run of two or more bare words from {@code from} that together name an existing file or
     * folder ({@code /tag my art.png}, unquoted), or {@code from} when there is none.
     */
    private int bareRunNamingAPath(List<ConsolePaths.Word> words, int from) {
        for (int last = words.size() - 1; last > from; last--) {
            boolean bare = words.subList(from, last + 1).stream().noneMatch(ConsolePaths.Word::quoted);
            if (bare && !(paths.find(join(words, from, last)) instanceof ConsolePaths.Found.Missing)) {
                return last;
            }
        }
        return from;
    }

    private static String join(List<ConsolePaths.Word> words, int from, int last) {
        return String.join(" ", words.subList(from, last + 1).stream().map(ConsolePaths.Word::path).toList());
    }

    /**
     * Explicit paths ({@code ./x}, {@code ../x}, {@code ~/x}, {@code /a/b}) even when nothing is there; a quoted or
     * escaped word, or a bare name with a dot or a slash (never a colon: {@code threshold:0.5}), when it names
     * an existing file or folder. For a command that takes images, any existing name counts, and a quoted or bare
     * file name with an extension ({@code "gone.png"}) is a path even when nothing is there, so it is answered
     * "No such file" rather than taken as text.
     */
    private boolean looksLikePath(ConsolePaths.Word word, boolean takesImages) {
        String p = word.path();
        if (ConsolePaths.explicit(p)) {
            return true;
        }
        boolean exists = !(paths.find(p) instanceof ConsolePaths.Found.Missing);
        if (takesImages && (exists || (!p.contains(":") && p.matches(".*\\.[A-Za-z0-9]{2,5}")))) {
            return true;
        }
        boolean candidate = word.quoted() || ((p.contains(".") || p.contains("/")) && !p.contains(":"));
        return candidate && exists;
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
        public void useLanguage(Language chosen) {
            language = chosen;
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
