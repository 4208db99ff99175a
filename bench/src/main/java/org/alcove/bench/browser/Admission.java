package org.alcove.bench.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One admission's timeline, from the therapist's click on Admit to both remote videos playing,
 * read off the two pages' probe logs (one clock). The four stages follow the critical path and
 * add up to {@link #total()}:
 * <ol>
 *   <li>{@code toOffer}: the admit reaches the server, the room tells both pages, the side that
 *       opens the connection makes its offer;</li>
 *   <li>{@code offerToAnswer}: the offer is relayed, the other side answers, the answer is relayed back;</li>
 *   <li>{@code answerToConnected}: ICE checks and the DTLS handshake, until both pages' peer
 *       connections say {@code connected};</li>
 *   <li>{@code connectedToPlaying}: the first video frames are encoded, sent, decoded and played
 *       on both pages.</li>
 * </ol>
 * {@code inFlight} is how long, within the total, at least one signalling message was on its way
 * between the pages (in a socket or inside the server): an upper bound of the server's share,
 * since the browsers' own socket paths are in it too. {@code relays} are the page-to-page
 * transit times of the relayed offers, answers and candidates.
 */
public record Admission(double total, double toOffer, double offerToAnswer, double answerToConnected,
                        double connectedToPlaying, double inFlight, List<Double> relays) {

    /** The messages the server passes on from one page to the other unchanged. */
    static final List<String> RELAYED = List.of("offer", "answer", "candidate");

    /** Reads one admission from the therapist's and the client's probe logs. */
    public static Admission of(List<PageEvent> therapist, List<PageEvent> client) {
        double click = first(therapist, "admit-click", null, Double.NEGATIVE_INFINITY, "the click on Admit");
        double end = Math.max(first(therapist, "playing", null, click, "the client's video playing for the therapist"),
                first(client, "playing", null, click, "the therapist's video playing for the client"));

        List<double[]> flights = new ArrayList<>();
        double admit = first(therapist, "out", "admit", click, "the admit message");
        flights.add(new double[] {admit, first(client, "in", "roster", admit, "the client's roster")});
        flights.add(new double[] {admit, first(therapist, "in", "peer-joined", admit, "the therapist's peer-joined")});
        List<Double> relays = new ArrayList<>();
        for (String type : RELAYED) {
            relays.addAll(pair(therapist, client, type, click, flights));
            relays.addAll(pair(client, therapist, type, click, flights));
        }

        double offer = Math.min(firstOrInfinity(therapist, "out", "offer", click), firstOrInfinity(client, "out", "offer", click));
        double answer = Math.min(firstOrInfinity(therapist, "in", "answer", click), firstOrInfinity(client, "in", "answer", click));
        double connected = Math.max(first(therapist, "pc", "connected", click, "the therapist's connection"),
                first(client, "pc", "connected", click, "the client's connection"));
        if (Double.isInfinite(offer) || Double.isInfinite(answer)) {
            throw new IllegalStateException("no offer or no answer after the click on Admit");
        }
        // Events of one page are queued tasks; clamping keeps the stages in order and summing to the total.
        double s1 = clamp(offer, click, end);
        double s2 = clamp(answer, s1, end);
        double s3 = clamp(connected, s2, end);
        return new Admission(end - click, s1 - click, s2 - s1, s3 - s2, end - s3,
                covered(flights, click, end), List.copyOf(relays));
    }

    /** The server's share at most, as a fraction of the total. */
    public double inFlightShare() {
        return total == 0 ? 0 : inFlight / total;
    }

    /** Pairs the k-th {@code type} sent by {@code from} with the k-th received by {@code to} (one socket each way: in order). */
    private static List<Double> pair(List<PageEvent> from, List<PageEvent> to, String type, double after, List<double[]> flights) {
        List<Double> sent = times(from, "out", type, after);
        List<Double> received = times(to, "in", type, after);
        List<Double> transits = new ArrayList<>();
        for (int i = 0; i < Math.min(sent.size(), received.size()); i++) {
            flights.add(new double[] {sent.get(i), received.get(i)});
            transits.add(received.get(i) - sent.get(i));
        }
        return transits;
    }

    /** The length of the union of {@code intervals}, each clipped to {@code [from, to]}. */
    static double covered(List<double[]> intervals, double from, double to) {
        List<double[]> sorted = intervals.stream()
                .map(i -> new double[] {Math.max(i[0], from), Math.min(i[1], to)})
                .filter(i -> i[1] > i[0])
                .sorted(Comparator.comparingDouble(i -> i[0]))
                .toList();
        double total = 0;
        double start = Double.NaN;
        double stop = Double.NaN;
        for (double[] interval : sorted) {
            if (Double.isNaN(start) || interval[0] > stop) {
                total += Double.isNaN(start) ? 0 : stop - start;
                start = interval[0];
                stop = interval[1];
            } else {
                stop = Math.max(stop, interval[1]);
            }
        }
        return Double.isNaN(start) ? total : total + stop - start;
    }

    private static List<Double> times(List<PageEvent> events, String kind, String type, double after) {
        return events.stream().filter(e -> e.is(kind, type) && e.at() >= after).map(PageEvent::at).toList();
    }

    private static double firstOrInfinity(List<PageEvent> events, String kind, String type, double after) {
        List<Double> times = times(events, kind, type, after);
        return times.isEmpty() ? Double.POSITIVE_INFINITY : times.get(0);
    }

    private static double first(List<PageEvent> events, String kind, String type, double after, String what) {
        double at = firstOrInfinity(events, kind, type, after);
        if (Double.isInfinite(at)) {
            throw new IllegalStateException("the pages never showed " + what);
        }
        return at;
    }

    private static double clamp(double value, double low, double high) {
        return Math.min(Math.max(value, low), high);
    }
}
