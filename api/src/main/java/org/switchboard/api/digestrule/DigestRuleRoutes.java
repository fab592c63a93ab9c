package org.switchboard.api.digestrule;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminSession;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.store.digestrule.DigestRule;

/**
 * The digest User-Agent rules over HTTP ({@code GET|PUT /api/sip/digest-rules}), translating to
 * {@link DigestRuleService} calls; the service holds every rule. Handlers run on virtual threads;
 * the service is thread-safe.
 */
public final class DigestRuleRoutes implements Routes {
    private static final String PATH = "/api/sip/digest-rules";

    private final DigestRuleService rules;

    public DigestRuleRoutes(DigestRuleService rules) {
        this.rules = rules;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.put(PATH, this::replace);
    }

    @Override
    public String openApiResource() {
        return "openapi/digestrule.json";
    }

    private void list(Context ctx) {
        ctx.json(views(rules.list()));
    }

    private void replace(Context ctx) {
        DigestRulesBody body = Json.read(ctx, DigestRulesBody.class);
        String actor = BearerAuthFilter.session(ctx).map(AdminSession::username).map(u -> "admin:" + u).orElse("api");
        ctx.json(views(rules.replace(body.toInputs(), actor)));
    }

    private static List<DigestRuleView> views(List<DigestRule> list) {
        return list.stream().map(DigestRuleView::of).toList();
    }
}
