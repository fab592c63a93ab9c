package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.pbx.milliwatt.MilliwattApplication;

/** The milliwatt test line: one destination kind and its application, nothing stored. */
public record MilliwattModule() implements FeatureModule {

    @Override
    public String name() {
        return "milliwatt";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(MilliwattApplication.KIND, new MilliwattApplication()));
    }
}
