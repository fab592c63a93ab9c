package org.switchboard.api.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The HTTP surface of one feature: registers its routes and names the OpenAPI fragment that
 * documents them. Implementations hold a service, translate HTTP to service calls and back, and
 * throw typed exceptions for errors (the {@link ErrorMapper} writes them). Called once, on the
 * thread that builds the {@link ApiServer}; handlers then run on virtual threads.
 */
public interface Routes {

    /** Adds this feature's endpoints. */
    void register(JavalinDefaultRoutingApi routes);

    /**
     * Classpath resource (JSON) with this feature's OpenAPI {@code paths} and
     * {@code components.schemas}, merged into {@code /api/openapi.json}.
     */
    String openApiResource();
}
