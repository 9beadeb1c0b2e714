package io.ciamportal.shared;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged jar's {@code Main-Class}: the build copies this class to the jar's root, beside Spring Boot's loader
 * (pom.xml, execution {@code jar-main}), and everything but one case goes on to Spring Boot's {@code JarLauncher}
 * as before.
 *
 * <p>The one case: {@code analyse-export} and {@code rehearsal-export} need a small heap, and a JVM started without
 * {@code -Xmx} may take a quarter of the machine's memory, so its resident size then follows the garbage, not the data.
 * Such a command runs in a child JVM with {@link #CHILD_FLAGS} ({@code io.ciamportal.exports.Relaunch} holds the rule
 * and uses these constants). Started from here, the child is on its way before {@code JarLauncher} opens the jar and its
 * nested jars, which costs about 0.2 s and 0.4 s of CPU that the child would otherwise wait for.
 *
 * <p>JDK classes only: at the jar's root no library is on the class path.
 */
public final class JarMain {

    /** The commands that run in a child JVM with a small heap. */
    public static final List<String> SMALL_HEAP_COMMANDS = List.of("analyse-export", "rehearsal-export");

    /** The heap the small-heap commands run in: what they need with room, and what the benchmark measures. */
    public static final String HEAP = "-Xmx256m";

    /**
     * The child JVM's flags: the heap cap, a small young generation (it is touched whole, so it counts in the resident
     * size), and the serial collector (a one-shot tool needs no concurrent one).
     */
    public static final List<String> CHILD_FLAGS = List.of(HEAP, "-Xmn32m", "-XX:+UseSerialGC");

    /** Set in the child JVM, which never starts another. */
    public static final String MARKER = "portal.exports.relaunched";

    /** {@code -Dportal.exports.relaunch=false} keeps the first JVM. */
    public static final String SWITCH = "portal.exports.relaunch";

    /** A child is started when the heap cap is above this (a cap the user chose near the commands' own is kept). */
    public static final long FAR_ABOVE = 768L << 20;

    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private JarMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && SMALL_HEAP_COMMANDS.contains(args[0]) && childWanted()) {
            var command = childCommand(args);
            if (command.isPresent()) {
                var exit = runChild(command.get());
                if (exit.isPresent()) {
                    System.exit(exit.get());
                }
            }
        }
        try {
            Class.forName(SPRING_BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether this JVM should leave a small-heap command to a child: not a child itself, not switched off, a big cap. */
    public static boolean childWanted() {
        return !Boolean.getBoolean(MARKER) && !"false".equalsIgnoreCase(System.getProperty(SWITCH))
                && Runtime.getRuntime().maxMemory() > FAR_ABOVE;
    }

    /**
     * The child's JVM options: the given ones but those {@link #CHILD_FLAGS} replace (two collectors or a second heap
     * size would clash or confuse), then {@link #CHILD_FLAGS} and the {@link #MARKER}.
     */
    public static List<String> childOptions(List<String> jvmOptions) {
        var options = new ArrayList<String>();
        for (String option : jvmOptions) {
            if (!replaced(option)) {
                options.add(option);
            }
        }
        options.addAll(CHILD_FLAGS);
        options.add("-D" + MARKER + "=true");
        return options;
    }

    /** Starts the child with this process's standard streams and answers its exit code; empty when it cannot start. */
    public static Optional<Integer> runChild(List<String> command) {
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
            return Optional.of(exit);
        } catch (IOException e) {
            // cannot start a JVM: run here, with the heap we have
            return Optional.empty();
        }
    }

    /** This JVM's binary. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@code java [options] -jar this.jar args}: the same binary, the options given before {@code -jar} (read from the
     * process's command line, which is cheaper than the management beans), the child's own, this jar.
     */
    static Optional<List<String>> childCommand(String[] args) {
        var arguments = ProcessHandle.current().info().arguments();
        var jar = thisJar();
        if (arguments.isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        var jvmOptions = new ArrayList<String>();
        for (String argument : arguments.get()) {
            if (argument.equals("-jar")) {
                break;
            }
            jvmOptions.add(argument);
        }
        if (jvmOptions.size() == arguments.get().length) {
            // not started with -jar: the command line is not the one this class knows
            return Optional.empty();
        }
        var command = new ArrayList<String>();
        command.add(javaBinary());
        command.addAll(childOptions(jvmOptions));
        command.add("-jar");
        command.add(jar.get());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    private static Optional<String> thisJar() {
        try {
            var location = JarMain.class.getProtectionDomain().getCodeSource().getLocation();
            var file = new File(location.toURI());
            return file.isFile() ? Optional.of(file.getPath()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean replaced(String option) {
        return option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xmn")
                || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:InitialHeapSize") || option.startsWith("-XX:NewSize")
                || option.startsWith("-XX:MaxNewSize") || option.matches("-XX:[+-]Use\\w*GC") || option.startsWith("-XX:MaxRAM")
                || option.startsWith("-XX:InitialRAM") || option.startsWith("-XX:MinRAM") || option.startsWith("-D" + MARKER);
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
}
