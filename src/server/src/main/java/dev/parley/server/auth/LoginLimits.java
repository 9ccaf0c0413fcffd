package dev.parley.server.auth;

import java.time.Duration;

/**
 * How many failed sign-ins are tolerated: a burst per handle and per remote address, refilled one attempt
 * at a time.
 */
public record LoginLimits(int perHandle, Duration handleRefill, int perAddress, Duration addressRefill) {
    public static final LoginLimits DEFAULT = new LoginLimits(5, Duration.ofMinutes(1), 20, Duration.ofSeconds(3));
}
