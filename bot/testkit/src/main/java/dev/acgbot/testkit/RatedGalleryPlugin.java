package dev.acgbot.testkit;

import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * For the adapters' safety tests: {@code /search} (a safe and an explicit gallery image, as an album) and
 * {@code /explicit} (the explicit one alone) answered the way the vision plugin answers, with the chat's screening
 * supplied by the test (the real {@code SafetyPolicy}; the test kit knows no plugin). Files are written under
 * {@code root} as {@code safe.png} / {@code explicit.png}, captioned {@code safe} / {@code explicit}, and sent as
 * gallery files under that root.
 */
public final class RatedGalleryPlugin implements Plugin {
    /** The chat's decision over rated images: the vision plugin's policy, adapted by the test. */
    public interface Screening {
        Screened screen(CommandRequest request, List<Rated> items);
    }

    /** An image to send and whether the gallery rated it explicit (else safe). */
    public record Rated(Reply.Image image, boolean explicit) {
    }

    /** What the chat may see, and the notice about the hidden ones. */
    public record Screened(List<Reply.Image> shown, Optional<String> notice) {
    }

    private final Path root;
    private final byte[] safe;
    private final byte[] explicit;
    private final Screening screening;

    public RatedGalleryPlugin(Path root, byte[] safe, byte[] explicit, Screening screening) {
        this.root = root;
        this.safe = safe.clone();
        this.explicit = explicit.clone();
        this.screening = screening;
    }

    @Override
    public String id() {
        return "gallery-script";
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(
                BotCommand.of(CommandSpec.builder("search", "Search by text").text("query", "what", true).build(), this::search),
                BotCommand.of(CommandSpec.builder("explicit", "One explicit image").build(), this::one));
    }

    private void search(CommandContext ctx) throws IOException {
        List<Rated> items = List.of(rated("safe.png", safe, false), rated("explicit.png", explicit, true));
        Screened screened = screening.screen(ctx.request(), items);
        String header = items.size() + " results" + screened.notice().map(n -> ", " + n).orElse("");
        ctx.reply(screened.shown().isEmpty() ? Reply.text(header) : new Reply.Album(RichText.plain(header), screened.shown()));
    }

    private void one(CommandContext ctx) throws IOException {
        Screened screened = screening.screen(ctx.request(), List.of(rated("explicit.png", explicit, true)));
        ctx.reply(screened.shown().isEmpty() ? Reply.text(screened.notice().orElseThrow()) : screened.shown().get(0));
    }

    private Rated rated(String name, byte[] bytes, boolean isExplicit) throws IOException {
        Path file = Files.createDirectories(root).resolve(name).toAbsolutePath().normalize();
        Files.write(file, bytes);
        ImageRef ref = ImageRef.galleryFile(file, root.toAbsolutePath().normalize(), bytes.length, sha256(bytes));
        return new Rated(new Reply.Image(ref, RichText.plain(name.substring(0, name.indexOf('.')))), isExplicit);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
