package org.switchboard.store.route;

import java.time.Instant;
import java.util.List;

/**
 * What time routing may ask of the database: the {@code time_routing_rules}, {@code
 * time_routing_hours} and {@code holidays} tables. Thread: any request, worker or virtual thread,
 * never an event loop or a call thread.
 */
public interface TimeRuleStore {

    /** Saves a new rule with its hours and holidays; {@code ConflictException("name")} when the name is taken. */
    TimeRule create(NewTimeRule rule, Instant now);

    /** Replaces the rule {@code name} (not its name), hours and holidays whole; {@code NotFoundException} when there is none. */
    TimeRule update(String name, NewTimeRule rule, Instant now);

    /** Deletes the rule {@code name} with its hours and holidays; {@code NotFoundException} when there is none. */
    void delete(String name);

    /** Every rule, by name. */
    List<TimeRule> list();
}
