package dev.parley.server;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.UserProfile;
import dev.parley.server.store.ReportEvidence;
import dev.parley.server.store.ReportRecord;
import dev.parley.server.store.ReportStore;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.store.sqlite.SqliteReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The moderators' command, {@code parley-server reports list|show|resolve}: reads and resolves reports in a
 * server's data directory. It opens the database like the server does (WAL, a busy timeout, migrations), so
 * it works while the server runs.
 */
@Command(name = "reports", description = "Lists, shows and resolves reports.",
        subcommands = {ReportsCommand.ListReports.class, ReportsCommand.ShowReport.class,
            ReportsCommand.ResolveReport.class})
public final class ReportsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Say what to do: list, show or resolve.");
    }

    /**
     * Opens the store of the data directory named by {@code --data} (or the PostgreSQL database named by
     * {@code --postgres}) and runs one action on it.
     */
    abstract static class Action implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR",
                description = "The server's data directory (default: ${DEFAULT-VALUE})")
        Path data = Path.of("parley-data");

        @Option(names = "--postgres", paramLabel = "JDBC-URL",
                description = "The servers' PostgreSQL database instead of the data directory's SQLite file")
        String postgres;

        @Option(names = "--postgres-user", description = "PostgreSQL user (unless the URL names it)")
        String postgresUser;

        @Option(names = "--postgres-password",
                description = "PostgreSQL password (unless the URL has it; else PARLEY_POSTGRES_PASSWORD is read)")
        String postgresPassword;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (postgres != null) {
                try (PostgresDatabase database = PostgresDatabase.open(postgres, postgresUser,
                        postgresPassword != null ? postgresPassword : System.getenv("PARLEY_POSTGRES_PASSWORD"), 2)) {
                    return run(new SqliteReportStore(database), out, err);
                } catch (RuntimeException e) {
                    err.println("Cannot open the PostgreSQL database: " + e.getMessage());
                    return 1;
                } finally {
                    out.flush();
                    err.flush();
                }
            }
            if (!Files.isRegularFile(data.resolve(SqliteDatabase.FILE_NAME))) {
                err.println("There is no Parley database in " + data.toAbsolutePath() + ".");
                return 1;
            }
            try (SqliteDatabase database = SqliteDatabase.open(data, 1)) {
                return run(new SqliteReportStore(database), out, err);
            } catch (IOException | SQLException e) {
                err.println("Cannot open the database in " + data.toAbsolutePath() + ": " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }

        abstract int run(ReportStore reports, PrintWriter out, PrintWriter err);
    }

    @Command(name = "list",
            description = "Lists open reports, oldest first: id, created, reporter, reported, reason, messages.")
    static final class ListReports extends Action {
        @Option(names = "--all", description = "Resolved reports too.")
        boolean all;

        @Override
        int run(ReportStore reports, PrintWriter out, PrintWriter err) {
            List<ReportRecord> found = reports.list(all);
            if (found.isEmpty()) {
                out.println(all ? "No reports." : "No open reports.");
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "CREATED (UTC)", "REPORTER", "REPORTED", "REASON", "MESSAGES", "STATUS"));
            for (ReportRecord report : found) {
                rows.add(List.of(Long.toString(report.id()), seconds(report.createdAt()), handle(report.reporter()),
                        handle(report.reported()), report.reason().wireName(), Integer.toString(report.messageCount()),
                        status(report)));
            }
            rows.forEach(row -> out.println(Text.columns(rows, row)));
            return 0;
        }
    }

    @Command(name = "show",
            description = "Shows one report with its evidence: reason, note, reported profile and messages.")
    static final class ShowReport extends Action {
        @Parameters(paramLabel = "ID", description = "The report's id, from the list.")
        long id;

        @Override
        int run(ReportStore reports, PrintWriter out, PrintWriter err) {
            ReportEvidence evidence = reports.find(id).orElse(null);
            if (evidence == null) {
                err.println("There is no report " + id + ".");
                return 1;
            }
            ReportRecord report = evidence.report();
            out.println("Report " + report.id() + " (" + status(report) + ")");
            Text.field(out, "Filed", report.createdAt() + " by " + profile(report.reporter()));
            Text.field(out, "Reason", report.reason().wireName());
            Text.field(out, "Note", report.note() == null ? "(none)" : report.note());
            Text.field(out, "Reported", profile(report.reported()) + ", account created "
                    + report.reported().createdAt());
            Text.field(out, "Conversation", report.conversationId() == null ? "(none)"
                    : report.conversationId().toString());
            if (report.status() == ReportRecord.Status.RESOLVED) {
                Text.field(out, "Resolved", report.resolvedAt() + ": " + report.resolution());
            }
            Text.field(out, "Evidence", evidence.messages().isEmpty() ? "no messages"
                    : evidence.messages().size() + " messages, oldest first");
            for (Message message : evidence.messages()) {
                out.println();
                out.println("  #" + message.seq() + "  " + message.sentAt() + "  @" + Text.printable(message.sender())
                        + "  " + message.clientId());
                out.println(Text.indented(message.unsent() ? "(unsent by the sender before the report)"
                        : message.text(), "      "));
            }
            return 0;
        }
    }

    @Command(name = "resolve",
            description = "Resolves an open report with a note on what was done; it leaves the open list.")
    static final class ResolveReport extends Action {
        @Parameters(paramLabel = "ID", description = "The report's id, from the list.")
        long id;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What was done about it.")
        String note;

        @Override
        int run(ReportStore reports, PrintWriter out, PrintWriter err) {
            String resolution = note.strip();
            if (resolution.isEmpty() || resolution.length() > Limits.MAX_REPORT_NOTE_CHARS) {
                throw new ParameterException(spec.commandLine(),
                        "--note must be 1–" + Limits.MAX_REPORT_NOTE_CHARS + " characters.");
            }
            if (reports.resolve(id, resolution, Clock.systemUTC().instant()).join()) {
                out.println("Resolved report " + id + ".");
                return 0;
            }
            boolean exists = reports.find(id).isPresent();
            err.println(exists ? "Report " + id + " is already resolved." : "There is no report " + id + ".");
            return 1;
        }
    }

    private static String status(ReportRecord report) {
        return report.status().name().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String handle(UserProfile user) {
        return "@" + Text.printable(user.handle());
    }

    private static String profile(UserProfile user) {
        return handle(user) + " (" + Text.printable(user.displayName()) + ")";
    }

    /** Plain-text layout for a terminal; everything people wrote goes through {@link #printable}. */
    static final class Text {
        private static final int LABEL_WIDTH = 14;

        private Text() {
        }

        /** {@code Label        value}, with the value's later lines indented under its first. */
        static void field(PrintWriter out, String label, String value) {
            String indent = " ".repeat(LABEL_WIDTH);
            out.println(label + indent.substring(label.length()) + printable(value).replace("\n", "\n" + indent));
        }

        /** Every line of {@code text} after {@code indent}, with control characters made visible. */
        static String indented(String text, String indent) {
            return indent + printable(text).replace("\n", "\n" + indent);
        }

        /**
         * Text as a terminal should show it: control characters (escape sequences could rewrite the moderator's
         * screen) and bidirectional overrides (they could reorder what is shown) become visible {@code \\uXXXX}.
         */
        static String printable(String text) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                boolean hidden = c != '\n' && (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E)
                        || (c >= 0x2066 && c <= 0x2069));
                if (hidden) {
                    shown.append(String.format("\\u%04X", c));
                } else {
                    shown.appendCodePoint(c);
                }
            });
            return shown.toString();
        }

        /** One row of a table, each column padded to its widest cell. */
        static String columns(List<List<String>> rows, List<String> row) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                int col = column;
                int width = rows.stream().mapToInt(r -> r.get(col).length()).max().orElse(0);
                String cell = row.get(column);
                line.append(cell).append(column == row.size() - 1 ? "" : " ".repeat(width - cell.length() + 2));
            }
            return line.toString();
        }
    }
}
