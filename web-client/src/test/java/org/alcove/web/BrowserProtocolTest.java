package org.alcove.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The browser's copies of the wire protocol are the Java ones (STYLE 19): a renamed close code,
 * message type or field on either side fails here, with what differs, instead of in a call.
 */
class BrowserProtocolTest {
    /** Client messages the join page never sends (quality reports come from other clients). */
    private static final Set<String> NOT_SENT_BY_THE_BROWSER = Set.of("quality");

    private static final ScriptSource SIGNALING = ScriptSource.module("signaling.js");

    @Test
    void close_codes_are_the_java_ones_name_for_name() {
        Map<String, Integer> java = new TreeMap<>();
        for (CloseCode code : CloseCode.values()) {
            java.put(code.name(), code.code());
        }
        Map<String, Integer> browser = new TreeMap<>(ScriptSource.numbers(SIGNALING.block("export const CloseCode = Object.freeze({")));
        List<String> diff = new ArrayList<>();
        java.forEach((name, code) -> {
            Integer copy = browser.get(name);
            if (copy == null) {
                diff.add("only in CloseCode.java: " + name + " = " + code);
            } else if (!copy.equals(code)) {
                diff.add(name + " is " + code + " in CloseCode.java but " + copy + " in signaling.js");
            }
        });
        browser.forEach((name, code) -> {
            if (!java.containsKey(name)) {
                diff.add("only in signaling.js: " + name + " = " + code);
            }
        });
        noDifference("signaling.js CloseCode differs from CloseCode.java", diff);
    }

    @Test
    void close_codes_only_the_browser_reports_are_none_the_server_sends() {
        Map<String, Integer> local = ScriptSource.numbers(SIGNALING.block("export const LocalCloseCode = Object.freeze({"));
        Set<Integer> sent = Arrays.stream(CloseCode.values()).map(CloseCode::code).collect(Collectors.toSet());
        assertEquals(Map.of("NO_STATUS", 1005, "ABNORMAL", 1006), local);
        local.forEach((name, code) -> assertFalse(sent.contains(code), "LocalCloseCode." + name + " is a code the server sends"));
    }

    @Test
    void every_message_the_browser_builds_is_a_client_message_with_those_fields() {
        Map<String, Set<String>> java = wireTypes(ClientMessage.class);
        Map<String, Set<String>> browser = new TreeMap<>();
        for (String literal : ScriptSource.objectLiterals(SIGNALING.block("export const ClientMessage = Object.freeze({"), "{ type: ")) {
            Set<String> keys = ScriptSource.keys(literal);
            keys.remove("type");
            browser.computeIfAbsent(ScriptSource.stringValue(literal, "type"), t -> new TreeSet<>()).addAll(keys);
        }
        List<String> diff = new ArrayList<>();
        browser.forEach((type, fields) -> {
            Set<String> components = java.get(type);
            if (components == null) {
                diff.add("signaling.js builds '" + type + "', which ClientMessage.java does not have");
            } else if (!components.containsAll(fields)) {
                Set<String> unknown = new TreeSet<>(fields);
                unknown.removeAll(components);
                diff.add("'" + type + "' has " + unknown + " in signaling.js, but ClientMessage." + type + " has only " + components);
            }
        });
        java.keySet().stream()
                .filter(type -> !browser.containsKey(type) && !NOT_SENT_BY_THE_BROWSER.contains(type))
                .forEach(type -> diff.add("no builder in signaling.js for ClientMessage '" + type + "'"));
        noDifference("signaling.js ClientMessage differs from ClientMessage.java", diff);
    }

    @Test
    void every_message_type_the_join_page_handles_is_a_server_message() {
        Set<String> java = wireTypes(ServerMessage.class).keySet();
        List<String> diff = new ArrayList<>();
        for (String file : List.of("signaling.js", "join.js", "call.js")) {
            ScriptSource module = ScriptSource.module(file);
            Set<String> handled = new TreeSet<>(ScriptSource.cases(module.block("switch (message.type) {")));
            handled.addAll(module.comparedWith("message.type"));
            handled.addAll(module.comparedWith("m.type"));
            handled.stream()
                    .filter(type -> !java.contains(type))
                    .forEach(type -> diff.add(file + " handles '" + type + "', which ServerMessage.java does not have"));
        }
        noDifference("the join page expects server messages that do not exist", diff);
    }

    @Test
    void end_reasons_the_join_page_explains_are_the_java_ones() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> java = new TreeSet<>();
        for (EndReason reason : EndReason.values()) {
            java.add(json.convertValue(reason, String.class));
        }
        Set<String> explained = ScriptSource.cases(ScriptSource.module("notices.js").block("switch (reason) {"));
        assertEquals(java, new TreeSet<>(explained), "notices.js forEnd's cases differ from EndReason.java");
    }

    /** Wire type → record component names, from the {@code @JsonSubTypes} the codec reads. */
    private static Map<String, Set<String>> wireTypes(Class<?> sealed) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        for (JsonSubTypes.Type type : sealed.getAnnotation(JsonSubTypes.class).value()) {
            types.put(type.name(), Arrays.stream(type.value().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new)));
        }
        return types;
    }

    private static void noDifference(String what, List<String> diff) {
        if (!diff.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", diff));
        }
    }
}
