package io.rebatch.sandbox.taobao;

import io.rebatch.sandbox.generator.SeedMath;

import java.math.BigInteger;

/**
 * Taobao's opaque paging cursor {@code position_index}, shaped like the real one
 * ({@code <epochSec>_<token>|<epochSec>_<token>}): the first and the last row of a page. The
 * sandbox encodes each row's sort key (sort time, trade id, snapshot sequence) in the token, so a
 * cursor stays valid however pages are cut. Clients must send it back unchanged.
 */
public final class TaobaoPositionIndex {
    /** A row's position in the sorted result: its sort time (epoch seconds), trade id and snapshot sequence. */
    public record Key(long epochSecond, long tradeId, int seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(epochSecond, o.epochSecond);
            if (c != 0) {
                return c;
            }
            c = Long.toString(tradeId).compareTo(Long.toString(o.tradeId));
            return c != 0 ? c : Integer.compare(seq, o.seq);
        }
    }

    /** The decoded cursor: the first and the last row of the page it came with. */
    public record Cursor(Key first, Key last) {
    }

    private TaobaoPositionIndex() {
    }

    public static String encode(Key first, Key last) {
        return part(first) + "|" + part(last);
    }

    private static String part(Key k) {
        return k.epochSecond() + "_" + SeedMath.base62(k.tradeId()) + SeedMath.base62(k.seq());
    }

    /** The cursor, or null when the text is not one the sandbox issued. */
    public static Cursor decode(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\|");
        if (parts.length != 2) {
            return null;
        }
        Key a = key(parts[0]);
        Key b = key(parts[1]);
        return a == null || b == null ? null : new Cursor(a, b);
    }

    private static Key key(String part) {
        int us = part.indexOf('_');
        if (us <= 0 || us >= part.length() - 2) {
            return null;
        }
        try {
            long epoch = Long.parseLong(part.substring(0, us));
            String token = part.substring(us + 1);
            BigInteger trade = SeedMath.parseBase62(token.substring(0, token.length() - 1));
            BigInteger seq = SeedMath.parseBase62(token.substring(token.length() - 1));
            if (trade == null || seq == null || trade.bitLength() > 63) {
                return null;
            }
            return new Key(epoch, trade.longValue(), seq.intValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
