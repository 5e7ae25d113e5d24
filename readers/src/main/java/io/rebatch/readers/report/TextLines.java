package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams a text file as physical lines, one at a time, with 1-based line numbers and the file's encoding detected
 * rather than asked: a UTF-8 byte-order mark means UTF-8 (and is dropped); otherwise the first line holding any
 * non-ASCII byte decides — strictly valid UTF-8 means UTF-8, else GB18030 (the Taobao export's Chinese header row
 * always decides on line 1). {@code \n} and {@code \r\n} end lines; 0x0A never occurs inside a UTF-8 or GB18030
 * character, so splitting bytes before decoding is safe.
 *
 * <p>A line that is not valid text in the file's encoding is still returned, decoded with replacement characters,
 * with {@link Line#error()} saying so: the caller quarantines that one line and reads on. Memory holds one line
 * (a line longer than {@link #MAX_LINE_BYTES} is returned truncated, with an error). This class never interprets
 * content.
 */
public final class TextLines implements AutoCloseable {
    /** The longest line kept whole; a JD page of 500 rows is about 0.5 MB. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** One physical line without its terminator; {@code error} is null unless the bytes were not valid text. */
    public record Line(long lineNo, String text, String error) {
        public boolean isBlank() {
            return error == null && text.isBlank();
        }
    }

    private final InputStream in;
    private final String source;
    private Charset charset;
    private final boolean forced;
    private long decidedAtLine;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] buf = new byte[8192];
    private long lineNo;
    private boolean eof;
    private Line pushedBack;
    private final Map<Charset, CharsetDecoder> decoders = new HashMap<>();

    private TextLines(InputStream in, String source, Charset forcedCharset) {
        this.in = in;
        this.source = source;
        this.charset = forcedCharset;
        this.forced = forcedCharset != null;
    }

    /** How many leading bytes {@link #open} looks at to recognise a UTF-16 file. */
    public static final int SNIFF_BYTES = 4096;

    /**
     * Opens {@code file}. With {@code charset} null the encoding is detected (UTF-8 with or without BOM, or
     * GB18030); with a charset (JSON Lines dumps are UTF-8) every line must be valid in it.
     *
     * @throws BadInputException (one line naming the file) when the file is UTF-16: it starts with a UTF-16
     *                           byte-order mark, or its first bytes are full of NUL bytes. Read as UTF-8 or GB18030
     *                           every line of it would be garbage, so it fails whole and fast.
     */
    public static TextLines open(Path file, Charset charset) {
        String name = file.getFileName().toString();
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            TextLines lines = new TextLines(in, name, charset);
            lines.rejectUtf16();
            lines.skipBom();
            return lines;
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the open already failed; its reason is the one to report
            }
        }
    }

    private void rejectUtf16() throws IOException {
        while (limit < SNIFF_BYTES && fill()) {
            // a file may arrive in small reads; the first few KB decide
        }
        int n = Math.min(limit, SNIFF_BYTES);
        boolean bom = n >= 2 && (((chunk[0] & 0xFF) == 0xFF && (chunk[1] & 0xFF) == 0xFE)
                || ((chunk[0] & 0xFF) == 0xFE && (chunk[1] & 0xFF) == 0xFF));
        int nuls = 0;
        for (int i = 0; i < n; i++) {
            if (chunk[i] == 0) {
                nuls++;
            }
        }
        // UTF-16 text of mostly ASCII (digits, commas, JSON) has a NUL in every other byte; UTF-8 and GB18030 text
        // has none. A quarter is far from both.
        boolean fullOfNuls = n > 0 && nuls * 4 >= n;
        if (bom || fullOfNuls) {
            throw new BadInputException(source + " is UTF-16 encoded" + (bom ? "" : " (it is full of NUL bytes)")
                    + "; save it as " + (forced ? charset.name() : "UTF-8 or GB18030"));
        }
    }

    /** The file name, for messages and rows. */
    public String source() {
        return source;
    }

    /** The encoding in use, or null while every line so far was plain ASCII. */
    public Charset charset() {
        return charset;
    }

    private void skipBom() throws IOException {
        while (limit < 3 && fill()) {
            // a file may arrive in tiny reads; three bytes decide
        }
        if (limit >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            pos = 3;
            if (!forced) {
                charset = StandardCharsets.UTF_8;
                decidedAtLine = 0;
            }
        }
    }

    /** Appends more bytes to the chunk (only before the first line) or refills it; false at end of file. */
    private boolean fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        }
        int n = in.read(chunk, limit, chunk.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Makes the next {@link #next()} return {@code line} again (one line of look-ahead). */
    public void pushBack(Line line) {
        if (pushedBack != null) {
            throw new IllegalStateException("only one line can be pushed back");
        }
        pushedBack = line;
    }

    /** The next line, or null at the end of the file. */
    public Line next() {
        if (pushedBack != null) {
            Line l = pushedBack;
            pushedBack = null;
            return l;
        }
        if (eof) {
            return null;
        }
        try {
            int len = 0;
            boolean tooLong = false;
            boolean newline = false;
            while (!newline) {
                if (pos == limit && !fill()) {
                    eof = true;
                    break;
                }
                int start = pos;
                int end = start;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                newline = end < limit;
                pos = newline ? end + 1 : end;
                int n = end - start;
                if (len + n > MAX_LINE_BYTES) {
                    tooLong = true;
                    n = Math.max(0, MAX_LINE_BYTES - len);
                }
                if (len + n > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(MAX_LINE_BYTES, buf.length * 2)));
                }
                System.arraycopy(chunk, start, buf, len, n);
                len += n;
            }
            if (eof && !newline && len == 0) {
                return null;
            }
            if (len > 0 && buf[len - 1] == '\r') {
                len--;
            }
            lineNo++;
            Line line = decode(len);
            if (tooLong) {
                return new Line(lineNo, line.text(), "line " + lineNo + " is longer than " + MAX_LINE_BYTES + " bytes");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " at line " + (lineNo + 1) + ": " + e.getMessage(), e);
        }
    }

    private Line decode(int len) {
        if (isAscii(len)) {
            return new Line(lineNo, new String(buf, 0, len, StandardCharsets.ISO_8859_1), null);
        }
        if (charset == null) {
            String utf8 = strict(StandardCharsets.UTF_8, len);
            if (utf8 != null) {
                decide(StandardCharsets.UTF_8);
                return new Line(lineNo, utf8, null);
            }
            String gb = strict(GB18030, len);
            if (gb != null) {
                decide(GB18030);
                return new Line(lineNo, gb, null);
            }
            return new Line(lineNo, new String(buf, 0, len, StandardCharsets.UTF_8),
                    "line " + lineNo + " is neither valid UTF-8 nor valid GB18030 text");
        }
        String text = charset == StandardCharsets.UTF_8 ? utf8(len) : strict(charset, len);
        if (text != null) {
            return new Line(lineNo, text, null);
        }
        return new Line(lineNo, new String(buf, 0, len, charset), "line " + lineNo + " is not valid " + charset.name()
                + " text (" + (forced ? "this file must be " + charset.name()
                : "the file's encoding was detected as " + charset.name() + (decidedAtLine == 0 ? " from its byte-order mark" : " on line " + decidedAtLine)) + ")");
    }

    private void decide(Charset cs) {
        charset = cs;
        decidedAtLine = lineNo;
    }

    private boolean isAscii(int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * UTF-8 the fast way: the JDK's String constructor replaces malformed input with U+FFFD, so only a line holding
     * U+FFFD needs the strict decoder to tell a real replacement character from bad bytes.
     */
    private String utf8(int len) {
        String s = new String(buf, 0, len, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') < 0 ? s : strict(StandardCharsets.UTF_8, len);
    }

    private String strict(Charset cs, int len) {
        CharsetDecoder d = decoders.computeIfAbsent(cs, c -> c.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            CharBuffer chars = d.decode(ByteBuffer.wrap(buf, 0, len));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }
}
