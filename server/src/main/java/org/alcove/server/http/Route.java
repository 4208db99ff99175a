package org.alcove.server.http;

/** One endpoint: turns a request into a reply, or throws {@link ApiException}. */
@FunctionalInterface
public interface Route {
    Reply handle(ApiRequest request) throws Exception;
}
