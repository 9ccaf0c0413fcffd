package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Request;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    @Test
    void everyRequestTypeHasExactlyOneRoute() {
        Router router = new Router(null, null, null, null, null, null, null, null, null, null, null, null, null);

        Set<Class<?>> requestTypes = new HashSet<>(Arrays.asList(Request.class.getPermittedSubclasses()));

        assertThat(new HashSet<Class<?>>(router.routedTypes())).isEqualTo(requestTypes);
    }
}
