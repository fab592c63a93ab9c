package org.switchboard.pbx.digestrule;

import java.util.List;

/**
 * The User-Agent rules a new installation starts with when its configuration names none
 * ({@code sip.digest_user_agent_rules}); each is a user agent seen failing on a challenge that
 * also offers SHA-256. Stateless.
 */
public final class DefaultDigestRules {
    private DefaultDigestRules() {}

    public static List<UserAgentRule> rules() {
        return List.of(
                // libre before 2.x (baresip 1.x) reads every challenge and gives up ("Function not
                // implemented") on the first that is not MD5, wherever it stands.
                UserAgentRule.of("^baresip v?[01]\\.", "md5",
                        "baresip 1.x (libre before 2.x) gives up when any challenge is not MD5"),
                UserAgentRule.of("\\blibre[/ ]v?[01]\\.", "md5",
                        "libre before 2.x gives up when any challenge is not MD5"));
    }
}
