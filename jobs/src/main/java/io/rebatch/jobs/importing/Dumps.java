package io.rebatch.jobs.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the scan needs to know about a report file's shape without parsing it. */
final class Dumps {
    private Dumps() {
    }

    /** Whether the first character after a UTF-8 BOM and blanks is {@code {}: a JSON Lines dump with content. */
    static boolean holdsPages(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            int i = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                    ? 3 : 0;
            for (; ; i++) {
                int b = i < head.length ? head[i] & 0xFF : in.read();
                if (b == -1) {
                    return false;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '{';
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
