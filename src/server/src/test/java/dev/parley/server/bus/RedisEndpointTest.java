package dev.parley.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --redis address as operators write it, and what travels on the channel. */
class RedisEndpointTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void addressWithUserPasswordPortAndDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.of(URI.create("redis://parley:s3cret@cache.internal:6380/2"), "a",
                TIMEOUT);
        assertThat(endpoint.address().getHost()).isEqualTo("cache.internal");
        assertThat(endpoint.address().getPort()).isEqualTo(6380);
        assertThat(endpoint.config().getUser()).isEqualTo("parley");
        assertThat(endpoint.config().getPassword()).isEqualTo("s3cret");
        assertThat(endpoint.config().getDatabase()).isEqualTo(2);
        assertThat(endpoint.config().getClientName()).isEqualTo("parley-a");
        assertThat(endpoint.config().isSsl()).isFalse();
    }

    @Test
    void bareHostGetsTheDefaultPortAndTlsComesFromTheScheme() {
        RedisEndpoint endpoint = RedisEndpoint.of(URI.create("rediss://redis"), "b", TIMEOUT);
        assertThat(endpoint.address().getPort()).isEqualTo(6379);
        assertThat(endpoint.config().isSsl()).isTrue();
        assertThat(endpoint.config().getPassword()).isNull();
    }

    @Test
    void otherAddressesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RedisEndpoint.of(URI.create("http://redis:6379"), "a", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisEndpoint.of(URI.create("redis://redis/cache"), "a", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
    }

    @Test
    void envelopeCarriesNodeRecipientsAndTheFrameUntouched() {
        String frame = "{\"type\":\"evt.message\",\"body\":{\"text\":\"two\\nlines\"}}";
        Envelope read = Envelope.read(Envelope.write("node\na", List.of(1L, 22L, 333L), frame));
        assertThat(read).isEqualTo(new Envelope("node a", List.of(1L, 22L, 333L), frame));
        assertThatThrownBy(() -> Envelope.read("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
