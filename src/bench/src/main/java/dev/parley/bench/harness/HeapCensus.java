package dev.parley.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a child JVM by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full GC
 * first): the total says how much heap is live, and the difference of two censuses says what a change — say
 * 19,000 more connections — holds on to, class by class.
 */
public record HeapCensus(long liveBytes, Map<String, Long> bytesByClass) {
    private static final Pattern CLASS_LINE = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL_LINE = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");

    /** A class and the bytes it grew by between two censuses. */
    public record Growth(String className, long bytes) {
    }

    /** Takes a census of the JVM with process id {@code pid} (after a full GC). */
    public static HeapCensus of(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + output);
        }
        long total = -1;
        Map<String, Long> byClass = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = CLASS_LINE.matcher(line);
            if (m.find()) {
                byClass.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            } else if ((m = TOTAL_LINE.matcher(line)).find()) {
                total = Long.parseLong(m.group(1));
            }
        }
        return new HeapCensus(total, byClass);
    }

    /** The {@code limit} classes that grew most from {@code before} to this census. */
    public List<Growth> largestGrowthSince(HeapCensus before, int limit) {
        return bytesByClass.entrySet().stream()
                .map(e -> new Growth(e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .sorted(Comparator.comparingLong(Growth::bytes).reversed())
                .limit(limit).toList();
    }
}
