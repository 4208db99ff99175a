/** The server's entry points: {@link org.alcove.server.Server} (the lifecycle object) and {@link org.alcove.server.Main}. */
package org.alcove.server;
