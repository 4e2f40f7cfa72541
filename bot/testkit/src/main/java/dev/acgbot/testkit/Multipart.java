package dev.acgbot.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of multipart/form-data to read what the chat clients (telegrambots, JDA) upload to fake servers. */
public final class Multipart {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    public record Part(String name, String fileName, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    public static String boundary(String contentType) {
        for (String piece : contentType.split(";")) {
            String p = piece.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return p.substring("boundary=".length()).replace("\"", "");
            }
        }
        throw new IllegalArgumentException("no boundary in " + contentType);
    }

    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            byte[] section = Arrays.copyOfRange(body, start, next - 2); // minus CRLF before the delimiter
            int headerEnd = indexOf(section, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String headers = new String(section, 0, headerEnd, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(section, headerEnd + 4, section.length);
            Matcher name = NAME.matcher(headers);
            Matcher fileName = FILE_NAME.matcher(headers);
            parts.add(new Part(name.find() ? name.group(1) : "", fileName.find() ? fileName.group(1) : null, content));
            pos = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
