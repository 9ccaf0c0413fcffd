package dev.parley.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, and the few process readings Linux gives through /proc. */
public final class Machine {
    private Machine() {
    }

    /** Cores, memory, CPU model, OS and JVM, for the head of every report. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", Math.round(memTotalKiB() / 1024.0 / 1024.0 * 10) / 10.0);
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("openFilesLimit", openFilesLimit());
        m.put("loadAverage1m", loadAverage());
        return m;
    }

    /** VmRSS of a process in bytes, or -1 where /proc does not tell. */
    public static long rssBytes(long pid) {
        return statusKiB(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") * 1024;
    }

    /** Threads of a process, or -1 where /proc does not tell. */
    public static long threads(long pid) {
        return statusKiB(Path.of("/proc", Long.toString(pid), "status"), "Threads:");
    }

    /** The soft cap on open files of this process ("Max open files" in /proc/self/limits), or -1. */
    public static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return "unlimited".equals(parts[0]) ? Long.MAX_VALUE : Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The 1-minute load average when the report was written: above ~0.5 the other core was busy too. */
    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long memTotalKiB() {
        return statusKiB(Path.of("/proc/meminfo"), "MemTotal:");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static long statusKiB(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }
}
