package org.switchboard.server.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, from the jar manifest ({@code dev} when run from classes). Any thread. */
public final class BuildVersion implements IVersionProvider {

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return Optional.ofNullable(BuildVersion.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"switchboard " + current()};
    }
}
