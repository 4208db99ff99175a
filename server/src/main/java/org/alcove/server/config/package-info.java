/** Configuration: the immutable record tree and its loader (defaults file, config file, environment, flags). */
package org.alcove.server.config;
