package io.ciamportal.exports;

import io.ciamportal.shared.JarMain;
import java.io.File;
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
 *
 * <p>{@code java -jar ciam-portal.jar} starts the child earlier, from the jar's {@link JarMain}, with the same rule and
 * flags; this class covers the other starts (a class path, the extracted jar, an IDE) and a child started elsewhere.
 */
final class Relaunch {

    /** The heap the commands run in: what they need with room, and what the benchmark measures. */
    static final String HEAP = JarMain.HEAP;

    /** The child JVM's flags: the heap cap, a small young generation, the serial collector ({@link JarMain#CHILD_FLAGS}). */
    static final List<String> FLAGS = JarMain.CHILD_FLAGS;

    /** Set in the child JVM. */
    static final String MARKER = JarMain.MARKER;

    private Relaunch() {}

    /** Runs the command in a child JVM and answers its exit code, or empty when this JVM should run it itself. */
    static OptionalInt ifNeeded(String[] args) {
        if (!JarMain.childWanted()) {
            return OptionalInt.empty();
        }
        List<String> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        return JarMain.runChild(command).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    /** The child's command line: this JVM's binary, the user's JVM options but heap and collector, ours, the same start. */
    static List<String> command(String[] args) {
        String classPath = System.getProperty("java.class.path", "");
        String started = System.getProperty("sun.java.command", "");
        if (classPath.isEmpty() || started.isEmpty()) {
            return List.of();
        }
        var command = new ArrayList<String>();
        command.add(JarMain.javaBinary());
        command.addAll(JarMain.childOptions(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
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
}
