package io.ciamportal.exports;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Makes the memory of {@code analyse-export} and {@code rehearsal-export} independent of the JVM flags they were
 * started with. Without {@code -Xmx} a JVM may take a quarter of the machine's memory as its heap and its resident size
 * then follows the garbage, not the data; the commands need a small heap ({@link #HEAP}: duplicate detection is
 * bounded, {@code KeyRuns}). So a command started in a JVM whose heap cap is far above that runs itself again in a
 * child JVM with {@link #FLAGS} (the same {@code java}, the same jar or class path, the user's other JVM options,
 * standard input and output passed through), and exits with the child's exit code. The child carries the system
 * property {@link #MARKER} and never runs itself again. {@code -Dportal.exports.relaunch=false} keeps the first JVM.
 */
final class Relaunch {

    /** The heap the commands run in: what they need with room, and what the benchmark measures. */
    static final String HEAP = "-Xmx256m";

    /**
     * The child JVM's flags: the heap cap, a small young generation (it is touched whole, so it counts in the resident
     * size), and the serial collector (a one-shot tool needs no concurrent one).
     */
    static final List<String> FLAGS = List.of(HEAP, "-Xmn32m", "-XX:+UseSerialGC");

    /** Set in the child JVM. */
    static final String MARKER = "portal.exports.relaunched";

    /** Relaunch when the heap cap is above this (a cap the user chose near the commands' own is kept). */
    private static final long FAR_ABOVE = 768L << 20;

    private Relaunch() {}

    /** Runs the command in a child JVM and answers its exit code, or empty when this JVM should run it itself. */
    static OptionalInt ifNeeded(String[] args) {
        if (Boolean.getBoolean(MARKER) || "false".equalsIgnoreCase(System.getProperty("portal.exports.relaunch"))
                || Runtime.getRuntime().maxMemory() <= FAR_ABOVE) {
            return OptionalInt.empty();
        }
        List<String> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            // the child goes with this JVM (a kill of this process alone, not of its group)
            Thread stop = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stop);
            int exit = waitFor(child);
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            return OptionalInt.of(exit);
        } catch (IOException e) {
            // cannot start a JVM: run here, with the heap we have
            return OptionalInt.empty();
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The child's command line: this JVM's binary, the user's JVM options but heap and collector, ours, the same start. */
    static List<String> command(String[] args) {
        String classPath = System.getProperty("java.class.path", "");
        String started = System.getProperty("sun.java.command", "");
        if (classPath.isEmpty() || started.isEmpty()) {
            return List.of();
        }
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!replaced(option)) {
                command.add(option);
            }
        }
        command.addAll(FLAGS);
        command.add("-D" + MARKER + "=true");
        boolean jar = !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && started.startsWith(classPath);
        if (jar) {
            // java -jar ciam-portal.jar: the jar's own launcher again
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            // java -cp ... MainClass: the same main class (the first word of the command)
            command.add(started.split(" ", 2)[0]);
        }
        command.addAll(List.of(args));
        return command;
    }

    /** The options the child's own flags replace (two collectors, or a second heap size, would clash or confuse). */
    private static boolean replaced(String option) {
        return option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xmn")
                || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:InitialHeapSize") || option.startsWith("-XX:NewSize")
                || option.startsWith("-XX:MaxNewSize") || option.matches("-XX:[+-]Use\\w*GC") || option.startsWith("-XX:MaxRAM")
                || option.startsWith("-XX:InitialRAM") || option.startsWith("-XX:MinRAM") || option.startsWith("-D" + MARKER);
    }
}
