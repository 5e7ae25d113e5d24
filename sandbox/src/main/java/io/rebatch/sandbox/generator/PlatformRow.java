package io.rebatch.sandbox.generator;

/**
 * The platform-native content of one snapshot: exactly the fields the platform's API returns for
 * a row, held in typed form (fen, basis points, instants) and rendered to the platform's wire
 * format by its simulator's package ({@code TaobaoJson}, {@code JdJson}, {@code PddJson}).
 */
public interface PlatformRow {
    /** The platform's own status code ({@code tk_status}, {@code refund_status}, {@code validCode}, {@code order_status}). */
    int statusCode();
}
