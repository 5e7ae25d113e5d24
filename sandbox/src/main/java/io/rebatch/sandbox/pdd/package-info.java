/**
 * Pinduoduo (多多进宝) in the sandbox: its simulator (registered in {@code META-INF/services}), its order lines and
 * tracking, its rows and wire formats, its scenario files and its API gateway.
 */
package io.rebatch.sandbox.pdd;
