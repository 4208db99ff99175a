/** Tests of the operations side: readiness, metrics, log output and the graceful shutdown. */
package org.alcove.server.ops;
