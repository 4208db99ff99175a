package org.alcove.bench.capacity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadGeneratorsTest {

    @Test
    void alcove_shares_keep_every_pair_in_one_process_and_add_up() {
        assertArrayEquals(new int[] {3_750, 3_750, 3_750, 3_750}, LoadGenerators.shares(15_000, 4, 2));
        int[] shares = LoadGenerators.shares(10_004, 4, 2);
        assertArrayEquals(new int[] {2_502, 2_502, 2_500, 2_500}, shares);
        assertEquals(10_004, Arrays.stream(shares).sum());
        assertEquals(0, Arrays.stream(shares).filter(share -> share % 2 != 0).count());
    }

    @Test
    void echo_shares_split_single_sockets_evenly() {
        assertArrayEquals(new int[] {2, 1, 1}, LoadGenerators.shares(4, 3, 1));
    }

    @Test
    void each_process_gets_its_own_loopback_addresses() {
        assertEquals(List.of("127.0.0.10", "127.0.0.11"), LoadGenerators.addresses(0, 2));
        assertEquals(List.of("127.0.0.16", "127.0.0.17"), LoadGenerators.addresses(3, 2));
    }
}
