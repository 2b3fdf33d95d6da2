package io.github.cameliot.emulator;

import java.util.function.LongSupplier;

import io.vertx.core.Vertx;

/**
 * What the emulated clouds share: the event loop their servers run on, the accounts' keys, the clock signatures
 * and quotas are checked against, and the switches of the whole emulator.
 *
 * @param enforceQuotas whether calls beyond an action's documented quota are refused
 */
public record EmulatorContext(Vertx vertx, EmulatorCredentials credentials, LongSupplier millis, boolean enforceQuotas) {
}
