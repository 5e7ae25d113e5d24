/**
 * The platforms' wire formats: response bodies and error envelopes of the Taobao TOP, JD JOS and
 * Pinduoduo gateways, and the Taobao back-office export's columns. Shared by the scenario writer
 * and the sandbox server so that a dump file and a live answer cannot drift apart.
 */
package io.rebatch.sandbox.format;
