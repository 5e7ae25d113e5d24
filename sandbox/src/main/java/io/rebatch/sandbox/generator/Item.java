package io.rebatch.sandbox.generator;

/**
 * A product in a platform's item pool. Lines share items so that clicks on the same item and
 * promotion position compete for attribution.
 *
 * @param rate commission rate: basis points for Taobao and JD, per-mille for Pinduoduo
 */
public record Item(String id, String title, long unitPriceFen, int rate) {
}
