package org.switchboard.pbx.ringgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who answered each memory-hunt group's last call, so the next call starts with the member after
 * them (round robin over the members who pick up). Kept in memory only: a restart starts every
 * group at its first member again, which costs one uneven call, not a lost one. Thread-safe: call
 * executors write it when a member answers and read it when a call is planned.
 */
final class HuntMemory {
    private final Map<String, String> lastAnswered = new ConcurrentHashMap<>();

    /** {@code member} answered a call of {@code group}. */
    void answered(String group, String member) {
        lastAnswered.put(group, member);
    }

    /** Forgets {@code group} (deleted). */
    void forget(String group) {
        lastAnswered.remove(group);
    }

    /** {@code members} in the order a call to {@code group} tries them: after the last one who answered, wrapping round. */
    List<String> order(String group, List<String> members) {
        int last = members.indexOf(lastAnswered.getOrDefault(group, ""));
        if (last < 0) {
            return members;
        }
        List<String> order = new ArrayList<>(members.subList(last + 1, members.size()));
        order.addAll(members.subList(0, last + 1));
        return order;
    }
}
