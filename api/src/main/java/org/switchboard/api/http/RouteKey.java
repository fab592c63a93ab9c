package org.switchboard.api.http;

/** One registered endpoint: upper-case method and Javalin path template ({@code /api/extensions/{number}}). */
public record RouteKey(String method, String path) {
    @Override
    public String toString() {
        return method + " " + path;
    }
}
