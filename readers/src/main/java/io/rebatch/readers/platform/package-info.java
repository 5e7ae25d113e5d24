/**
 * The platform adapter SPI: {@link io.rebatch.readers.platform.PlatformAdapter} (one per platform, found with
 * {@link java.util.ServiceLoader}), its registry {@link io.rebatch.readers.platform.Adapters}, the feeds it offers,
 * the signatures of its rows, and how its settings record is bound. Core code uses only these types.
 */
package io.rebatch.readers.platform;
