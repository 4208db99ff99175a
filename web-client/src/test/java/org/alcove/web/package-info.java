/**
 * Checks of the browser client against the Java side: the copies of the wire protocol in the
 * ES modules (close codes, message types and fields, end reasons) must match the records and
 * enums of {@code org.alcove.signaling.protocol}. The modules' own behaviour is tested in Node
 * ({@code src/test/js}).
 */
package org.alcove.web;
