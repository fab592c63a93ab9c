package org.switchboard.pbx.fraud;

import java.math.BigDecimal;

/** Millionths of the currency unit as the API and messages write them ({@code 1.5}). Stateless. */
public final class Money {
    private Money() {}

    public static String text(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
