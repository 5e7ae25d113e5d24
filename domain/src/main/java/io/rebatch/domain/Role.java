package io.rebatch.domain;

/** Who a line's money goes to. The code is used in entry keys and exports. */
public enum Role {
    BUYER, INVITER, GRAND_INVITER
}
