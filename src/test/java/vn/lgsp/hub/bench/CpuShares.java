package vn.lgsp.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a cell's CPU went, from Linux's per-process counters: the hub, the database server (every process named
 * {@code postgres}), the simulators and the load client (this JVM), against the machine's busy time, each as a share
 * of all cores over the window. On other systems it says nothing.
 */
final class CpuShares {

    /** Linux's USER_HZ: the unit of the /proc counters. */
    private static final double TICKS_PER_SECOND = 100;

    private final long hubPid;
    private final long simulatorsPid;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> start;

    CpuShares(long hubPid, long simulatorsPid) {
        this.hubPid = hubPid;
        this.simulatorsPid = simulatorsPid;
        this.start = ticks();
    }

    /** One line for the cell's output, or empty when the counters cannot be read. */
    String sinceStart() {
        Map<String, Long> end = ticks();
        if (end.isEmpty() || start.isEmpty()) {
            return "";
        }
        double capacity = (System.nanoTime() - startNanos) / 1e9 * TICKS_PER_SECOND
                * Runtime.getRuntime().availableProcessors();
        StringBuilder line = new StringBuilder("  CPU of all cores over the cell:");
        end.forEach((who, t) -> line.append(" %s %.0f %%,".formatted(who, (t - start.getOrDefault(who, 0L))
                * 100 / capacity)));
        return line.substring(0, line.length() - 1);
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try {
            ticks.put("hub", processTicks(hubPid));
            ticks.put("PostgreSQL", postgresTicks());
            ticks.put("simulators", processTicks(simulatorsPid));
            ticks.put("load client", processTicks(ProcessHandle.current().pid()));
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]); // all but idle and iowait
            }
            ticks.put("machine", busy);
        } catch (IOException | RuntimeException notLinux) {
            ticks.clear();
        }
        return ticks;
    }

    private static long postgresTicks() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm")).trim();
                            return comm.equals("postgres") ? processTicks(Long.parseLong(p.getFileName().toString()))
                                    : 0;
                        } catch (IOException | RuntimeException gone) {
                            return 0; // the process ended meanwhile
                        }
                    }).sum();
        }
    }

    /** User and system time of a process and its threads (fields 14 and 15 of /proc/PID/stat). */
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
