package org.switchboard.store.seed;

/**
 * One config-file section copied into an empty database once (persistence.md, "Seeding an empty
 * database once"). {@link SeedRunner} calls both methods inside the claim's transaction on its
 * own thread; store methods called from them join that transaction, so the claim and the rows
 * commit or roll back together. Implementations insert through the same store or service
 * methods the API uses (same validation, same hashing of secrets).
 */
public interface Seed {

    /** The config section's name, e.g. {@code extensions}; the key in {@code applied_seeds}. */
    String name();

    /** Whether the feature's tables already hold rows (created through the API before the section existed). */
    boolean hasRows();

    /** Inserts the section's rows. A thrown exception rolls back the claim too, so the next start tries again. */
    void apply();
}
