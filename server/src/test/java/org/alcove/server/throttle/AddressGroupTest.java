package org.alcove.server.throttle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AddressGroupTest {

    @Test
    void an_ipv4_address_is_its_own_group() {
        assertEquals("192.0.2.10", AddressGroup.of("192.0.2.10"));
        assertNotEquals(AddressGroup.of("192.0.2.10"), AddressGroup.of("192.0.2.11"));
    }

    @Test
    void ipv6_addresses_in_one_64_share_a_group_whatever_their_spelling() {
        String group = AddressGroup.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2:0:0:0:0/64", group);
        assertEquals(group, AddressGroup.of("2001:db8:1:2::1"));
        assertEquals(group, AddressGroup.of("[2001:DB8:1:2::ffff]"));
        assertEquals(group, AddressGroup.of("2001:0db8:0001:0002:0:0:0:0"));
    }

    @Test
    void neighbouring_ipv6_64s_are_different_groups() {
        assertNotEquals(AddressGroup.of("2001:db8:1:2::1"), AddressGroup.of("2001:db8:1:3::1"));
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_its_ipv4_address() {
        assertEquals("192.0.2.10", AddressGroup.of("::ffff:192.0.2.10"));
    }

    @Test
    void text_that_is_no_ip_literal_is_kept_as_it_is_and_never_resolved() {
        assertEquals("unknown", AddressGroup.of("unknown"));
        assertEquals("_hidden", AddressGroup.of("_hidden"));
        assertEquals("example.org:80", AddressGroup.of("example.org:80"));
        assertEquals("not:an:address:zz", AddressGroup.of("not:an:address:zz"));
        assertEquals("1:2:3", AddressGroup.of("1:2:3"));
        assertEquals("", AddressGroup.of(null));
    }
}
