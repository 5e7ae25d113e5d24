package io.rebatch.writers.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.payout.PayoutFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a payout file and its {@code <file>.sha256} (SPEC §7) so that no reader ever sees a partial one: the bytes
 * go to a hidden temporary name ({@code .payout-….csv.<random>.tmp}), are forced to disk, and the file is renamed
 * into place atomically; the checksum file follows the same way, in {@code sha256sum} format
 * ({@code <hex>  <file name>\n}, so {@code sha256sum -c} verifies it in the file's directory).
 *
 * <p>A file already in place is never overwritten: if its bytes have the batch's recorded checksum it is verified
 * (and a missing or wrong {@code .sha256} beside it is written again); if not, the write fails — someone changed a
 * payout file, and finance must look before anything is sent. Temporary files left by a killed run are removed.
 */
public final class PayoutFileWriter {
    /** What {@link #write} did. */
    public enum Result {
        WRITTEN, VERIFIED
    }

    private PayoutFileWriter() {
    }

    /** The file's bytes in {@code charset}; a character the charset cannot encode is an error, never a {@code ?}. */
    public static byte[] encode(PayoutFile file, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(file.text()));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new BadInputException("payout file " + file.fileName() + " cannot be encoded in " + charset.name()
                    + ": a payee or payer name has a character it lacks");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes (or verifies) {@code dir/<file name>} and its checksum file.
     *
     * @param expectedSha256 the batch's recorded checksum; the rendered bytes must have it
     * @param beforeRename   called after the complete temporary file is on disk, before the rename (a fault point)
     */
    public static Result write(Path dir, String fileName, byte[] bytes, String expectedSha256, Runnable beforeRename) {
        String sha = sha256(bytes);
        if (!sha.equals(expectedSha256)) {
            throw new IllegalStateException(fileName + " rendered from the database has checksum " + sha
                    + " but the batch recorded " + expectedSha256 + "; its withdrawals changed after batching");
        }
        Path target = dir.resolve(fileName);
        Path checksum = dir.resolve(fileName + ".sha256");
        byte[] checksumLine = (sha + "  " + fileName + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(dir);
            removeStaleTemporaries(dir, fileName);
            Result result;
            if (Files.exists(target)) {
                String existing = sha256(Files.readAllBytes(target));
                if (!existing.equals(sha)) {
                    throw new IllegalStateException(target + " exists with checksum " + existing + ", not the batch's "
                            + sha + ": not overwritten; compare it with the batch, move it away and run payout again");
                }
                result = Result.VERIFIED;
            } else {
                place(dir, target, bytes, beforeRename);
                result = Result.WRITTEN;
            }
            if (!Files.exists(checksum) || !java.util.Arrays.equals(Files.readAllBytes(checksum), checksumLine)) {
                place(dir, checksum, checksumLine, () -> { });
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void place(Path dir, Path target, byte[] bytes, Runnable beforeRename) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            beforeRename.run();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void removeStaleTemporaries(Path dir, String fileName) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + fileName + ".*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Makes the rename itself durable (Linux; where a directory cannot be opened, the rename is as durable as the OS makes it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this file system: nothing more can be done
        }
    }
}
