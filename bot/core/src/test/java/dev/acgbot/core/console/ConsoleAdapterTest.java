package dev.acgbot.core.console;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleAdapterTest {

    /** Names the images a command received, and the one it replied to. */
    static final class ImagesPlugin implements Plugin {
        @Override
        public String id() {
            return "images";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(
                    BotCommand.of(CommandSpec.builder("similar", "Similar").attachment("image", "", true).usesRepliedImages().build(),
                            ctx -> ctx.reply("got " + ctx.request().images().stream().map(Attachment::fileName).collect(Collectors.joining(",")))),
                    BotCommand.of(CommandSpec.builder("echo", "Echo").text("text", "", false).build(),
                            ctx -> ctx.reply("echo: " + ctx.request().arguments().string("text").orElse(""))),
                    BotCommand.of(CommandSpec.builder("show", "Show").build(),
                            ctx -> ctx.reply(new Reply.Album(null, List.of(
                                    (Reply.Image) Reply.image(ImageRef.of(new byte[]{1, 2}, "made.png"), "made up"))))));
        }
    }

    private static String runScript(Path dir, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out,
                false, dir, dir.resolve("out"));
        try (BotRuntime runtime = BotRuntime.start(BotConfig.parse(""), List.of(new ImagesPlugin()), List.of(console))) {
            console.awaitEnd();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scriptRunsInOrderAndEndsAtEndOfInput(@TempDir Path dir) throws Exception {
        String output = runScript(dir, "/ping\n/help\n/nope\n");
        int ping = output.indexOf("pong");
        int help = output.indexOf("/similar <image>");
        int unknown = output.indexOf("I don't know /nope");
        assertTrue(ping > 0 && help > ping && unknown > help, output);
    }

    @Test
    void pathStandsInForAnAttachmentAndBareCommandRepliesToTheLastImage(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("art.png"), new byte[]{1});
        Files.write(dir.resolve("other.png"), new byte[]{2});
        String output = runScript(dir, "/similar ./art.png\n/similar\nother.png\n/similar\n/similar ./missing.png\n");
        List<String> got = output.lines().filter(l -> l.startsWith("got ")).toList();
        assertTrue(got.equals(List.of("got art.png", "got art.png", "got other.png")), output);
        assertTrue(output.contains("⚠ No such file: ./missing.png"), output);
    }

    @Test
    void pathsWithSpacesWorkQuotedEscapedOrBare(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("my art"));
        Files.write(dir.resolve("my art/sakura tree.png"), new byte[]{1});
        Files.write(dir.resolve("other.png"), new byte[]{2});
        String output = runScript(dir, String.join("\n",
                "/similar \"my art/sakura tree.png\"",
                "/similar other.png",
                "/similar 'my art/sakura tree.png'",
                "/similar other.png",
                "/similar my\\ art/sakura\\ tree.png",
                "/similar other.png",
                "/similar my art/sakura tree.png",
                "'my art/sakura tree.png'",
                "/similar",
                "my art/sakura tree.png") + "\n");
        List<String> got = output.lines().filter(l -> l.startsWith("got ")).toList();
        assertEquals(List.of("got sakura tree.png", "got other.png", "got sakura tree.png", "got other.png", "got sakura tree.png",
                "got other.png", "got sakura tree.png", "got sakura tree.png"), got, output);
        assertEquals(2, output.lines().filter(l -> l.equals("(posted sakura tree.png — a command without an image now replies to it)")).count(),
                output);
    }

    @Test
    void aFolderOrAMissingFileIsNamedAndNothingRuns(@TempDir Path dir) throws Exception {
        Path art = Files.createDirectories(dir.resolve("art"));
        Files.write(art.resolve("b.png"), new byte[]{1});
        Files.write(art.resolve("a.jpg"), new byte[]{1});
        Files.createDirectories(dir.resolve("empty"));
        String output = runScript(dir, "/similar art\n/similar ./art/\nart\n./empty\n\"gone.png\"\n/similar \"gone.png\"\nhello\n");
        assertEquals(List.of(), output.lines().filter(l -> l.startsWith("got ")).toList(), output);
        String folder = "⚠ " + art + " is a folder. Give one image in it, e.g. " + art.resolve("a.jpg")
                + " (to tag every image in it: ./acgbot tag " + art + ")";
        assertEquals(List.of(
                "> /similar art", folder,
                "> /similar ./art/", folder,
                "> art", folder,
                "> ./empty", "⚠ " + dir.resolve("empty") + " is a folder with no images in it. Give the path of one image.",
                "> \"gone.png\"", "⚠ No such file: gone.png",
                "> /similar \"gone.png\"", "⚠ No such file: gone.png",
                "> hello", "Commands start with / — try /help. To post an image, type its path."), output.lines().toList());
    }

    @Test
    void aQuotedWordThatIsNoFileStaysTextForTheCommand(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("art"));
        String output = runScript(dir, "/echo \"re:zero\" 'two words'\n/echo art\n");
        assertTrue(output.contains("echo: art"), "a command that takes no image reads a folder's name as text: " + output);
        // the words reach the router as typed; it reads "…" as one text and drops the quotes
        assertTrue(output.contains("echo: re:zero 'two words'"), output);
    }

    @Test
    void imagesPrintAsPaths(@TempDir Path dir) throws Exception {
        String output = runScript(dir, "/show\n");
        assertTrue(output.contains("1. [image] " + dir.resolve("out").toAbsolutePath()), output);
        assertTrue(output.contains("made up"), output);
    }

    @Test
    void imageCommandWithoutAnyImageExplainsItself(@TempDir Path dir) throws Exception {
        String output = runScript(dir, "/similar\n");
        assertTrue(output.contains("⚠ Attach an image, or reply to a message with an image"), output);
    }
}
