package dev.parley.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every scenario takes: {@code --quick} for a toy size (what the test suite runs), where to write the JSON,
 * a work directory, and extra flags for the child JVMs. A scenario implements {@link #run(Report)}.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class ScenarioCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--quick", description = "A toy size that only proves the harness works (what the tests run).")
    protected boolean quick;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Where to write the figures as JSON (default: bench-results/<scenario>-<time>.json)")
    protected Path json;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Work directory for data dirs and logs (default: a new temporary directory)")
    protected Path work;

    @Option(names = "--jvm-flag", paramLabel = "FLAG",
            description = "Extra flag for the child JVMs (repeatable), e.g. --jvm-flag=-Xmx2g")
    protected List<String> jvmFlags = new ArrayList<>();

    /** Measures and fills {@code report}; the report is printed and written afterwards. */
    protected abstract void run(Report report) throws Exception;

    protected String scenarioName() {
        return spec.name();
    }

    @Override
    public Integer call() throws Exception {
        if (work == null) {
            work = Files.createTempDirectory("parley-bench-" + scenarioName() + "-");
        }
        // the child JVMs run in directories of their own, so a relative --work would name another place there
        work = work.toAbsolutePath();
        Report report = new Report(scenarioName(), commandLine());
        report.parameter("quick", quick);
        run(report);
        report.print(System.out);
        Path file = json != null ? json : Path.of("bench-results", scenarioName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        report.write(file);
        System.out.println("   figures written to " + file);
        return 0;
    }

    /** The child JVMs' extra flags. */
    protected List<String> jvmFlags() {
        return List.copyOf(jvmFlags);
    }

    private String commandLine() {
        List<String> parts = new ArrayList<>();
        parts.add("java -jar src/bench/target/parley-bench.jar");
        parts.add(scenarioName());
        if (quick) {
            parts.add("--quick");
        }
        jvmFlags.forEach(f -> parts.add("--jvm-flag=" + f));
        return String.join(" ", parts);
    }
}
