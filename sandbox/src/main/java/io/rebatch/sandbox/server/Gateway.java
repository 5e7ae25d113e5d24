package io.rebatch.sandbox.server;

import io.rebatch.sandbox.generator.Snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One platform's simulated API gateway on the {@link SandboxServer}. */
public interface Gateway {
    /**
     * Answers one request that passed fault injection's 5xx decision.
     *
     * @param requestNo the platform's request counter value of this request
     * @param fault     the request's fault decision; a gateway answers {@link Faults.Decision#throttle()}
     *                  with its own throttling error once the caller is authenticated
     */
    GatewayReply handle(Map<String, String> params, long requestNo, Faults.Decision fault);

    /**
     * The order snapshots an update-time query of {@code [from, to)} would hold right now; the
     * generator's unless the gateway changes them while serving (Pinduoduo).
     */
    List<Snapshot> window(Instant from, Instant to);
}
