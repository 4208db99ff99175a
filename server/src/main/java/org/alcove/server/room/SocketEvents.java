package org.alcove.server.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;

/**
 * What the transport tells the live rooms about a socket, and all it tells them: the socket's
 * {@code auth}, each later message, its close. The transport keeps its own limits (rate, auth
 * deadline, parse errors, draining) and decides nothing about joining; the rooms never see
 * Jetty. {@link LiveRooms} implements it for the rooms of this node; something relaying to the
 * node that holds a room (issue 16) would implement it too.
 */
public interface SocketEvents {

    /**
     * The socket's first message, {@code auth}, arrived from {@code address} (for throttling
     * only, never logged or stored): the socket is seated in its room or refused and closed.
     */
    void authenticated(RoomSocket socket, ClientMessage.Auth auth, String address);

    /** A parsed message from a socket that was seated ({@link RoomSocket#seated} returned true). */
    void message(RoomSocket socket, ClientMessage message);

    /**
     * A socket that was handed to {@link #authenticated} closed, once, whenever that happens
     * (while its token is still being checked, too): its seat, if it took one, is held for its
     * return; one whose join is still under way never takes its seat.
     */
    void closed(RoomSocket socket);

    /** The transport refused a socket before it presented a token ({@code auth-required}, {@code auth-timeout}). */
    void refusedWithoutToken(ErrorCode code);
}
