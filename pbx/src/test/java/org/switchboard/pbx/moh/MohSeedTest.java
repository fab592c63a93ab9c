package org.switchboard.pbx.moh;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.callsettings.CallSettings;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.moh.MohClass;
import org.switchboard.store.moh.MohFile;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class MohSeedTest {
    private static final List<NewMohClass> CONFIGURED = List.of(new NewMohClass("jazz", "Smooth", PlayOrder.RANDOM));

    @TempDir
    Path dir;

    private MohService service(TestDatabase db) {
        return new MohService(new JdbiMohStore(db.database()), dir.resolve("moh"), CallSettings::defaults,
                new EventBus(), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static SeedOutcome seed(TestDatabase db, MohService service) {
        return new SeedRunner(db.database(), Clock.systemUTC()).run(new MohSeed(service, CONFIGURED));
    }

    @BothEngines
    void anEmptyDatabaseGetsTheConfiguredClassesAndADefaultClassWithTheGeneratedTuneOnce(TestDatabase db) {
        MohService moh = service(db);

        assertThat(seed(db, moh)).isEqualTo(SeedOutcome.SEEDED);
        assertThat(seed(db, moh)).isEqualTo(SeedOutcome.ALREADY_APPLIED);

        assertThat(moh.list()).extracting(MohClass::name, MohClass::order).containsExactly(
                org.assertj.core.groups.Tuple.tuple("default", PlayOrder.SEQUENTIAL),
                org.assertj.core.groups.Tuple.tuple("jazz", PlayOrder.RANDOM));
        assertThat(moh.files("default")).extracting(MohFile::fileName).containsExactly("switchboard-tune.wav");
        assertThat(Files.isRegularFile(dir.resolve("moh/default/switchboard-tune.wav"))).isTrue();
        assertThat(moh.files("jazz")).isEmpty();
    }

    @BothEngines
    void classesMadeThroughTheApiBeforeTheSectionExistedAreLeftAlone(TestDatabase db) {
        MohService moh = service(db);
        moh.create(new NewMohClass("rock", null, null), "api");

        assertThat(seed(db, moh)).isEqualTo(SeedOutcome.SKIPPED_NOT_EMPTY);

        assertThat(moh.list()).extracting(MohClass::name).containsExactly("rock");
    }

    @BothEngines
    void aConfiguredDefaultClassKeepsItsDescriptionAndStillGetsTheTune(TestDatabase db) {
        MohService moh = service(db);

        new SeedRunner(db.database(), Clock.systemUTC()).run(new MohSeed(moh,
                List.of(new NewMohClass("default", "Lobby music", PlayOrder.SEQUENTIAL))));

        assertThat(moh.get("default").description()).isEqualTo("Lobby music");
        assertThat(moh.files("default")).hasSize(1);
    }
}
