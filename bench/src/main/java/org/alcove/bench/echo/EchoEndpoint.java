package org.alcove.bench.echo;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Sends each text message back as it came. Public because Jetty binds listener methods through method handles. */
public final class EchoEndpoint implements Session.Listener.AutoDemanding {
    private volatile Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        session.sendText(text, Callback.NOOP);
    }
}
