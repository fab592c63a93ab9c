package org.switchboard.store.extension;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The stored shape of an extension's fields, shared by {@link NewExtension} and
 * {@link ExtensionUpdate}: each method returns the normalized value or throws
 * {@link ValidationException} naming the column. Stateless; any thread.
 */
final class ExtensionFields {
    private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    static final String AUTO = "auto";
    private static final java.util.List<String> DIGEST_ALGORITHMS = java.util.List.of(AUTO, "md5", "sha-256");

    private ExtensionFields() {}

    static String number(String number) {
        String n = Fields.required(number, "number");
        Fields.check(n.length() <= 32, "number", "must be at most 32 characters");
        return n;
    }

    static String name(String name) {
        String n = Fields.required(name, "name");
        Fields.check(n.length() <= 200, "name", "must be at most 200 characters");
        return n;
    }

    /** Null or blank means none. */
    static String email(String email) {
        String e = email == null || email.isBlank() ? null : email.strip();
        Fields.check(e == null || e.length() <= 254, "email", "must be at most 254 characters");
        return e;
    }

    static void ha1s(String ha1Md5, String ha1Sha256) {
        Fields.check(ha1Md5 != null && HEX_MD5.matcher(ha1Md5).matches(), "ha1_md5", "must be 32 lower-case hex digits");
        Fields.check(ha1Sha256 != null && HEX_SHA256.matcher(ha1Sha256).matches(), "ha1_sha256",
                "must be 64 lower-case hex digits");
    }

    static String realm(String realm) {
        return Fields.required(realm, "realm");
    }

    /** The V060 values; null means the default, {@value #AUTO}. */
    static String digestAlgorithm(String algorithm) {
        String a = algorithm == null ? AUTO : algorithm;
        Fields.check(DIGEST_ALGORITHMS.contains(a), "digest_algorithm", "must be one of " + DIGEST_ALGORITHMS);
        return a;
    }

    static void voicemailPinHash(String hash) {
        Fields.check(hash == null || !hash.isBlank(), "voicemail_pin_hash", "must not be blank");
    }
}
