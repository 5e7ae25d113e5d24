package io.rebatch.domain;

import java.util.function.Function;

/**
 * The tracking columns of a canonical order line (SPEC §3) a {@link BindingKind} reads. They are generic:
 * a platform maps its own tracking parameter to one of them (Taobao's relation/special ids, JD's sub-union
 * id, PDD's and any later platform's custom parameter to {@link #CUSTOM_UID}).
 */
public enum TrackingField {
    RELATION_ID(OrderLine::relationId),
    SPECIAL_ID(OrderLine::specialId),
    SUB_UNION_ID(OrderLine::subUnionId),
    CUSTOM_UID(OrderLine::customUid);

    private final Function<OrderLine, String> read;

    TrackingField(Function<OrderLine, String> read) {
        this.read = read;
    }

    /** The line's value of this column, or null. */
    public String of(OrderLine line) {
        return read.apply(line);
    }
}
