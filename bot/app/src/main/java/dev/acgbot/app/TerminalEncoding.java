package dev.acgbot.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error in UTF-8 where the JVM fell back to ASCII. A locale named in {@code LANG} but not
 * installed ({@code ja_JP.UTF-8} on a server that generated only {@code C.UTF-8}) leaves the JVM in the C locale,
 * whose ASCII prints every Chinese and Japanese reply of the console as {@code ?}, although the terminal shows UTF-8
 * and the console already reads its input as UTF-8. A real non-ASCII charset (GBK, say) is left as the JVM chose it.
 */
final class TerminalEncoding {
    private TerminalEncoding() {
    }

    static void useUtf8WhereAsciiWouldLoseText() {
        if (losesText(System.out.charset())) {
            System.setOut(utf8(FileDescriptor.out));
        }
        if (losesText(System.err.charset())) {
            System.setErr(utf8(FileDescriptor.err));
        }
    }

    private static boolean losesText(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
