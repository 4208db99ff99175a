package org.alcove.bench.idle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One booked session as a load generator joins it: the therapist's and the client's join tokens
 * (from the links' fragments) and the client's participant id, which the therapist admits. A seat
 * file holds one per line, tab-separated; it lives in the run directory, which is deleted after a
 * successful run.
 */
public record Seat(String therapistToken, String clientToken, String clientId) {

    public Seat {
        for (String field : List.of(therapistToken, clientToken, clientId)) {
            if (field.isEmpty() || field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a seat field must be non-empty, without tabs or newlines");
            }
        }
    }

    String line() {
        return therapistToken + "\t" + clientToken + "\t" + clientId;
    }

    static Seat parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("a seat line has three tab-separated fields");
        }
        return new Seat(fields[0], fields[1], fields[2]);
    }

    public static void write(Path file, List<Seat> seats) {
        try {
            Files.write(file, seats.stream().map(Seat::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<Seat> read(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(Seat::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
