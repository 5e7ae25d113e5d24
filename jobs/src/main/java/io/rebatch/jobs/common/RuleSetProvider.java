package io.rebatch.jobs.common;

import io.rebatch.domain.RuleSets;
import io.rebatch.readers.rules.RuleSetFiles;

/**
 * The rule sets of {@code <config>/rules/*.yml}, loaded and validated on first use (so commands that need no
 * rules never fail on them) and then kept for the life of the process.
 */
public class RuleSetProvider {
    private final RebatchProperties properties;
    private volatile RuleSets ruleSets;

    public RuleSetProvider(RebatchProperties properties) {
        this.properties = properties;
    }

    public RuleSets get() {
        RuleSets r = ruleSets;
        if (r == null) {
            synchronized (this) {
                if (ruleSets == null) {
                    ruleSets = RuleSetFiles.load(properties.configDir());
                }
                r = ruleSets;
            }
        }
        return r;
    }
}
