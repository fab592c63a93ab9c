package org.switchboard.pbx.fraud;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What each extension spent on trunk calls today (money and minutes) and the calls it has up now,
 * in memory, so that the check before each outbound call reads two maps and no database. Fed by
 * the call events (started, answered, ended): an answered call that held a trunk is priced when it
 * ends and added to the day it was answered on; at start-up the day so far is loaded from the CDRs
 * ({@link #add}). A new day starts from zero. Thread-safe: one entry per extension and per call,
 * each changed atomically.
 */
public final class DailyUsage {
    /** One extension's spend and minutes on {@code day}. */
    public record Usage(LocalDate day, long spendMicros, long minutes) {}

    private record LiveCall(String caller, String number, Optional<String> trunk, Optional<Instant> answeredAt) {}

    private final Map<String, Usage> byExtension = new ConcurrentHashMap<>();
    private final Map<String, LiveCall> live = new ConcurrentHashMap<>();
    private final CallPrice price;
    private final ZoneId zone;
    private final Function<String, Optional<String>> trunkOfCall;

    /**
     * @param zone the zone days begin and end in ({@code calls.time_zone})
     * @param trunkOfCall the trunk a call (by Call-ID) holds a channel of
     */
    public DailyUsage(CallPrice price, ZoneId zone, Function<String, Optional<String>> trunkOfCall) {
        this.price = price;
        this.zone = zone;
        this.trunkOfCall = trunkOfCall;
    }

    /** What {@code extension} spent on the day of {@code now}. */
    public Usage today(String extension, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        Usage usage = byExtension.get(extension);
        return usage != null && usage.day().equals(day) ? usage : new Usage(day, 0, 0);
    }

    /** Adds a priced call of {@code extension} answered at {@code answeredAt}. */
    public void add(String extension, Instant answeredAt, long micros, long minutes) {
        LocalDate day = answeredAt.atZone(zone).toLocalDate();
        byExtension.merge(extension, new Usage(day, micros, minutes), (old, added) -> old.day().isAfter(day) ? old
                : old.day().equals(day) ? new Usage(day, old.spendMicros() + micros, old.minutes() + minutes) : added);
    }

    /** How many calls {@code extension} has up (ringing or answered) to numbers {@code matching}. */
    public int callsUp(String extension, Predicate<String> matching) {
        return (int) live.values().stream().filter(c -> c.caller().equals(extension) && matching.test(c.number())).count();
    }

    public void started(String callId, String caller, String number) {
        live.put(callId, new LiveCall(caller, number, Optional.empty(), Optional.empty()));
    }

    /** The call was answered: the trunk it holds (if any) is the one its minutes are priced by. */
    public void answered(String callId, Instant at) {
        live.computeIfPresent(callId, (id, c) -> new LiveCall(c.caller(), c.number(), trunkOfCall.apply(id),
                Optional.of(at)));
    }

    public void ended(String callId, Instant at) {
        LiveCall call = live.remove(callId);
        if (call != null && call.trunk().isPresent() && call.answeredAt().isPresent()) {
            Instant answered = call.answeredAt().get();
            Duration talk = Duration.between(answered, at);
            add(call.caller(), answered, price.micros(call.trunk().get(), call.number(), answered.atZone(zone), talk),
                    CallPrice.minutes(talk));
        }
    }
}
