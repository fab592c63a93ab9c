package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.prompt.PromptRoutes;
import org.switchboard.pbx.prompt.PromptService;

/**
 * The prompts calls hear (uploads in the data directory's {@code prompts} folder over the shipped
 * ones): their cache, decoded at start, and routes. Other features reach them through {@code
 * Features.prompts()} as {@link org.switchboard.pbx.prompt.Prompts}.
 */
public record PromptModule(PromptService prompts) implements FeatureModule {
    /** The data directory's folder of uploaded prompt files (a backup must carry it with the rows). */
    public static final String FOLDER = "prompts";

    @Override
    public String name() {
        return "prompts";
    }

    @Override
    public void loadCaches() {
        prompts.reloadCache();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new PromptRoutes(prompts));
    }
}
