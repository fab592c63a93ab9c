package org.switchboard.store.dialplan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Dial-plan rules in the database, written through: each method is one transaction, committed
 * when it returns. Thread-safe; call from request, worker or virtual threads, never an event loop.
 * Every method may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface DialPlanRuleStore {

    /** Inserts the rule; {@link ConflictException} on "priority" if another rule has it. */
    DialPlanRule create(NewDialPlanRule rule, Instant now);

    /** Replaces rule {@code id}; {@link NotFoundException} if absent, {@link ConflictException} on "priority". */
    DialPlanRule update(long id, NewDialPlanRule rule, Instant now);

    /** Deletes rule {@code id}; {@link NotFoundException} if absent. */
    void delete(long id);

    Optional<DialPlanRule> findById(long id);

    /** Every rule in the order they are tried: ascending priority. */
    List<DialPlanRule> list();

    long count();
}
