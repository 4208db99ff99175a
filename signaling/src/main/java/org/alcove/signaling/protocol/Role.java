package org.alcove.signaling.protocol;

/** A participant's role in a session, as named on the wire and in join tokens. */
public enum Role {
    therapist, client
}
