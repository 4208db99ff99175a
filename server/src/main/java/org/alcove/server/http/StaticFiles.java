package org.alcove.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The web client: the {@code web-client} jar's classpath resources under {@value #ROOT}, served
 * at {@code /} without directory listings, and {@code /join} (the page join links open).
 */
public final class StaticFiles {
    public static final String ROOT = "alcove/web/";

    private StaticFiles() {
    }

    public static Handler handler() {
        ResourceHandler handler = new ResourceHandler();
        Resource base = ResourceFactory.of(handler).newClassLoaderResource(ROOT);
        if (base == null) {
            throw new IllegalStateException(ROOT + " missing from the classpath (web-client jar)");
        }
        handler.setBaseResource(base);
        handler.setDirAllowed(false);
        handler.setWelcomeFiles("index.html");
        handler.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        handler.setCacheControl("no-cache");
        return handler;
    }

    /** {@code GET /join}: the join page; the token stays in the fragment and never reaches the server. */
    public static Handler joinPage() {
        byte[] page = read("join.html");
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"/join".equals(Request.getPathInContext(request))
                        || !(HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod()))) {
                    return false;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.length);
                boolean head = HttpMethod.HEAD.is(request.getMethod());
                response.write(true, head ? null : ByteBuffer.wrap(page), callback);
                return true;
            }
        };
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
