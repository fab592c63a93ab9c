package org.switchboard.pbx.admin;

import java.util.Optional;
import org.switchboard.store.admin.AdminUser;

/** The second step of an admin login, after the password was right. Implementations are thread-safe. */
public interface SecondFactor {

    /** What the login may do next. */
    enum Verdict {
        /** The account has no second factor: the password is enough. */
        NOT_ENROLLED,
        PASSED,
        /** The account has one and no code came with the login. */
        MISSING,
        /** A code came and is wrong, already used, or too old. */
        WRONG
    }

    /** Checks {@code code} (a TOTP code or a recovery code) for {@code user}; a code that passes is used up. */
    Verdict check(AdminUser user, Optional<String> code);

    /** No second factor for anyone: for tools and tests that log in with passwords only. */
    SecondFactor NONE = (user, code) -> Verdict.NOT_ENROLLED;
}
