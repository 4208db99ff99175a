/**
 * Configuration: the immutable record tree ({@link org.alcove.server.config.AlcoveConfig}) and its
 * loader ({@link org.alcove.server.config.ConfigLoader}: defaults file, config file, environment,
 * flags), which reads typed values through {@code Settings} and the cross-checked {@code ice.*}
 * settings through {@code IceSection}.
 */
package org.alcove.server.config;
