package org.alcove.bench.browser;

import java.util.List;
import java.util.Map;

/**
 * One thing the probe saw in a page, at {@code at} milliseconds on the browser's clock (shared
 * by every page of one Chromium).
 *
 * @param kind {@code in}/{@code out} (a signalling message received/sent), {@code pc}/{@code ice}
 *             (a peer connection's state), {@code admit-click}, {@code playing} (a remote video)
 * @param type the message's type, the state, or the media event that showed the video playing
 */
public record PageEvent(double at, String kind, String type) {

    /** The events as Playwright returns the probe's log: a list of JS objects. */
    static List<PageEvent> fromProbe(Object log) {
        if (!(log instanceof List<?> entries)) {
            throw new IllegalStateException("the page has no probe log: was the probe script installed?");
        }
        return entries.stream().map(entry -> {
            Map<?, ?> event = (Map<?, ?>) entry;
            Object type = event.get("type");
            return new PageEvent(((Number) event.get("at")).doubleValue(), (String) event.get("kind"),
                    type == null ? null : type.toString());
        }).toList();
    }

    boolean is(String kind, String type) {
        return this.kind.equals(kind) && (type == null || type.equals(this.type));
    }
}
