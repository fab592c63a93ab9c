package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RtpPortPoolTest {
    @Test
    void handsOutEvenRtpPortsWithTheOddRtcpPortAboveInsideTheRange() {
        RtpPortPool pool = new RtpPortPool(20001, 20010);
        List<PortPair> pairs = drain(pool);
        assertThat(pairs).extracting(PortPair::rtpPort).containsExactly(20002, 20004, 20006, 20008);
        assertThat(pairs).allSatisfy(p -> assertThat(p.rtcpPort()).isEqualTo(p.rtpPort() + 1).isLessThanOrEqualTo(20010));
    }

    @Test
    void isEmptyWhenEveryPairIsInUse() {
        RtpPortPool pool = new RtpPortPool(20000, 20003);
        drain(pool);
        assertThat(pool.allocate()).isEmpty();
        assertThat(pool.available()).isZero();
    }

    @Test
    void reusesAReleasedPairOnlyAfterTheOtherFreeOnes() {
        RtpPortPool pool = new RtpPortPool(20000, 20005);
        PortPair first = pool.allocate().orElseThrow();
        pool.release(first);
        assertThat(pool.allocate()).contains(new PortPair(20002));
        assertThat(pool.allocate()).contains(new PortPair(20004));
        assertThat(pool.allocate()).contains(first);
    }

    @Test
    void releasingTwiceIsRefused() {
        RtpPortPool pool = new RtpPortPool(20000, 20005);
        PortPair pair = pool.allocate().orElseThrow();
        pool.release(pair);
        assertThatThrownBy(() -> pool.release(pair)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releasingAForeignPairIsRefused() {
        RtpPortPool pool = new RtpPortPool(20000, 20005);
        assertThatThrownBy(() -> pool.release(new PortPair(30000))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeWithoutAPairIsRejected() {
        assertThatThrownBy(() -> new RtpPortPool(20001, 20002)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thousandsOfRandomAllocationsAndReleasesLeakNothing() {
        RtpPortPool pool = new RtpPortPool(10000, 10199);
        Random random = new Random(42);
        List<PortPair> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (!held.isEmpty() && (random.nextBoolean() || pool.available() == 0)) {
                pool.release(held.remove(random.nextInt(held.size())));
            } else {
                PortPair p = pool.allocate().orElseThrow();
                assertThat(held).doesNotContain(p);
                held.add(p);
            }
            assertThat(pool.available() + held.size()).isEqualTo(pool.capacity());
        }
        held.forEach(pool::release);
        assertThat(drain(pool)).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void concurrentCallersNeverGetTheSamePair() throws Exception {
        RtpPortPool pool = new RtpPortPool(10000, 10399);
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            List<Future<Set<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(executor.submit(() -> {
                    Set<Integer> mine = new HashSet<>();
                    for (int i = 0; i < 5_000; i++) {
                        PortPair p = pool.allocate().orElseThrow();
                        if (i % 2 == 0) {
                            pool.release(p);
                        } else if (mine.size() < 40) {
                            mine.add(p.rtpPort());
                        } else {
                            pool.release(p);
                        }
                    }
                    return mine;
                }));
            }
            Set<Integer> all = new HashSet<>();
            int total = 0;
            for (Future<Set<Integer>> f : results) {
                total += f.get().size();
                all.addAll(f.get());
            }
            assertThat(all).hasSize(total);
            assertThat(pool.available()).isEqualTo(pool.capacity() - total);
        }
    }

    private static List<PortPair> drain(RtpPortPool pool) {
        List<PortPair> pairs = new ArrayList<>();
        for (var p = pool.allocate(); p.isPresent(); p = pool.allocate()) {
            pairs.add(p.get());
        }
        return pairs;
    }
}
