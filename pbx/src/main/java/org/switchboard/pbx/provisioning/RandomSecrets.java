package org.switchboard.pbx.provisioning;

import java.security.SecureRandom;

/**
 * Random secrets made for phones: passwords they are given and tokens in their provisioning URL.
 * Thread-safe ({@link SecureRandom} is); any thread.
 */
final class RandomSecrets {
    /** No look-alikes (0/O, 1/l/I): admins type these into phones' web pages. */
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /**
     * Lower-case letters and digits only: some firmware lower-cases or mangles URLs, and a token
     * must survive DHCP option 66, redirection services and phone web pages unchanged.
     */
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    /** 24 symbols from 57: about 140 bits. */
    static final int PASSWORD_LENGTH = 24;
    /** 26 symbols from 32: 130 bits. */
    static final int TOKEN_LENGTH = 26;

    private final SecureRandom random = new SecureRandom();

    String password() {
        return pick(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    String urlToken() {
        return pick(TOKEN_ALPHABET, TOKEN_LENGTH);
    }

    private String pick(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
