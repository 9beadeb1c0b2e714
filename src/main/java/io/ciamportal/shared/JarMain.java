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
 * <p>{@code analyse-export} itself does not go through the launcher either. Its child starts from the analyser's own
 * jar and AOT cache when the build left them beside this jar ({@link #analyserJar}); otherwise, and in a JVM that needs
 * no child, it runs on {@link CommandClassLoader}, the portal's classes and the three Jackson jars it uses read from this
 * jar. {@code rehearsal-export} (which hashes passwords with three more libraries) and the rest go on to the launcher.
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

    /** The command that runs on {@link CommandClassLoader}, without Spring Boot's launcher. */
    static final String ANALYSER_COMMAND = "analyse-export";

    /**
     * The nested jars the export analyser needs besides the portal's own classes: Jackson 3 and its annotations
     * (ArchitectureTest checks that the command reaches no other library).
     */
    public static final List<String> ANALYSER_LIBRARIES = List.of("jackson-core-3.", "jackson-databind-3.", "jackson-annotations-");

    private static final String ANALYSER_CLASS = "io.ciamportal.exports.ExportCommand";

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
        if (args.length > 0 && args[0].equals(ANALYSER_COMMAND)) {
            var loader = thisJar().flatMap(jar -> CommandClassLoader.open(Path.of(jar), ANALYSER_LIBRARIES));
            if (loader.isPresent()) {
                System.exit(runAnalyser(loader.get(), args));
            }
        }
        invoke(Class.forName(SPRING_BOOT_LAUNCHER).getMethod("main", String[].class), args);
    }

    /** A static method that takes the command line, with what it throws thrown as it was. */
    private static Object invoke(java.lang.reflect.Method method, String[] args) throws Exception {
        try {
            return method.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            switch (e.getCause()) {
                case Exception cause -> throw cause;
                case Error error -> throw error;
                case null, default -> throw e;
            }
        }
    }

    /**
     * The export analyser on a class loader of the portal's classes and Jackson only. Spring Boot's launcher would open
     * and index all of the jar's 190 nested jars first, and their code would be compiled on the way: about 0.2 s of a
     * two-second run, and 0.3 s of CPU.
     */
    private static int runAnalyser(CommandClassLoader loader, String[] args) throws Exception {
        Thread.currentThread().setContextClassLoader(loader);
        return (int) invoke(Class.forName(ANALYSER_CLASS, true, loader).getMethod("runCommand", String[].class), args);
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
     * process's command line, which is cheaper than the management beans), the child's own, this jar; for
     * {@code analyse-export}, the analyser's jar and cache instead of this jar when the build left them beside it.
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
        var analyser = args[0].equals(ANALYSER_COMMAND) ? analyserJar(Path.of(jar.get()), jvmOptions) : Optional.<AnalyserJar>empty();
        if (analyser.isPresent()) {
            command.addAll(analyser.get().options());
            command.add(ANALYSER_CLASS);
        } else {
            command.add("-jar");
            command.add(jar.get());
        }
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * The analyser's own jar and its JDK AOT cache, which the build writes beside the portal's jar (pom.xml, execution
     * {@code analyser-jar}): the portal's classes with a {@code Class-Path} to the three Jackson jars, and a cache trained
     * on a generated export. The child then starts on the application class loader, whose classes the cache holds
     * loaded and linked (not the training's method profiles, which made a large file slower); about 0.3 s of a
     * two-and-a-half-second run, and 0.1 s of a small file's.
     */
    record AnalyserJar(Path jar, Path cache) {
        /** Class path and cache; the cache's own messages off, so that nothing but the analysis reaches standard output. */
        List<String> options() {
            return List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off", "-Xlog:cds*=off", "-cp", jar.toString());
        }
    }

    /** The suffix of the analyser's jar beside {@code ciam-portal.jar} ({@code ciam-portal-analyser.jar}). */
    public static final String ANALYSER_JAR = "-analyser.jar";
    /** The suffix of its AOT cache ({@code ciam-portal-analyser.aot}). */
    public static final String ANALYSER_CACHE = "-analyser.aot";

    /** The suffix of the stamp the training leaves: the analyser's jar as it was trained, its size and time. */
    public static final String ANALYSER_STAMP = "-analyser.aot.stamp";

    /**
     * The analyser's jar and cache beside {@code jar}, when all is as the build left it: the jar, the cache and the
     * training's stamp there, the jar's size and time still those of the stamp (the JDK itself does not notice a jar
     * changed after training, and would load the cache's classes for it), the cache written after the stamp and the jar
     * not older than the portal's; and the user chose no cache or archive of their own.
     */
    static Optional<AnalyserJar> analyserJar(Path jar, List<String> jvmOptions) {
        for (String option : jvmOptions) {
            if (option.startsWith("-XX:AOT") || option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-Xshare")) {
                return Optional.empty();
            }
        }
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        String base = name.substring(0, name.length() - ".jar".length());
        File fat = jar.toFile();
        File thin = jar.resolveSibling(base + ANALYSER_JAR).toFile();
        File cache = jar.resolveSibling(base + ANALYSER_CACHE).toFile();
        File stamp = jar.resolveSibling(base + ANALYSER_STAMP).toFile();
        if (!thin.isFile() || !cache.isFile() || !stamp.isFile() || thin.lastModified() < fat.lastModified()
                || cache.lastModified() < stamp.lastModified() || !stampOf(thin).equals(readStamp(stamp))) {
            return Optional.empty();
        }
        return Optional.of(new AnalyserJar(thin.toPath(), cache.toPath()));
    }

    /** What the stamp of a jar says: its size and its time of last change, in milliseconds. */
    public static String stampOf(File jar) {
        return jar.length() + " " + jar.lastModified();
    }

    private static String readStamp(File file) {
        try {
            return java.nio.file.Files.readString(file.toPath()).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
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

    /**
     * Classes from the packaged jar itself: the portal's ({@code BOOT-INF/classes/}) and those of the named nested
     * library jars, which are copied into memory (a few MB; nested jars are stored uncompressed) and inflated a class at
     * a time ({@link NestedEntry}), the versioned entries of a multi-release jar included. The parent is the platform
     * class loader, so nothing of the jar's root (Spring Boot's launcher) is seen. No resources: the analyser reads none.
     */
    static final class CommandClassLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private static final String CLASSES = "BOOT-INF/classes/";
        private static final String LIBRARIES = "BOOT-INF/lib/";

        private final java.util.zip.ZipFile jar;
        private final java.util.Map<String, NestedEntry> libraryClasses;
        /** every class comes from the jar: its file is their code source (in stack traces and the JVM's class log) */
        private final java.security.ProtectionDomain domain;

        private CommandClassLoader(Path jarFile, java.util.zip.ZipFile jar, java.util.Map<String, NestedEntry> libraryClasses)
                throws java.net.MalformedURLException {
            super("portal-command", ClassLoader.getPlatformClassLoader());
            this.jar = jar;
            this.libraryClasses = libraryClasses;
            var source = new java.security.CodeSource(jarFile.toUri().toURL(), (java.security.CodeSigner[]) null);
            this.domain = new java.security.ProtectionDomain(source, null, this, null);
        }

        /** Empty when the jar is not a packaged portal or lacks one of the libraries (then the launcher runs it). */
        static Optional<CommandClassLoader> open(Path jarFile, List<String> libraryPrefixes) {
            java.util.zip.ZipFile jar = null;
            try {
                jar = new java.util.zip.ZipFile(jarFile.toFile());
                var loader = load(jarFile, jar, libraryPrefixes);
                if (loader != null) {
                    return Optional.of(loader);
                }
            } catch (IOException | RuntimeException e) {
                // the launcher runs the command instead
            }
            if (jar != null) {
                try {
                    jar.close();
                } catch (IOException ignored) {
                    // nothing was read from it
                }
            }
            return Optional.empty();
        }

        /** Null when the jar lacks the analyser or one of the libraries. */
        private static CommandClassLoader load(Path jarFile, java.util.zip.ZipFile jar,
                List<String> libraryPrefixes) throws IOException {
            if (jar.getEntry(CLASSES + ANALYSER_CLASS.replace('.', '/') + ".class") == null) {
                return null;
            }
            // one pass over the jar's entries for the libraries, in the order given
            var libraries = new java.util.zip.ZipEntry[libraryPrefixes.size()];
            var entries = jar.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                for (int i = 0; i < libraries.length; i++) {
                    if (libraries[i] == null && entry.getName().startsWith(LIBRARIES + libraryPrefixes.get(i)) && entry.getName().endsWith(".jar")) {
                        libraries[i] = entry;
                    }
                }
            }
            var classes = new java.util.HashMap<String, NestedEntry>();
            int runtime = Runtime.version().feature();
            for (var library : libraries) {
                if (library == null) {
                    return null;
                }
                byte[] bytes;
                try (var in = jar.getInputStream(library)) {
                    bytes = in.readAllBytes();
                }
                // the first library that has a class wins
                NestedEntry.index(bytes, runtime).forEach(classes::putIfAbsent);
            }
            return new CommandClassLoader(jarFile, jar, classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/') + ".class";
            NestedEntry nested = libraryClasses.get(path);
            byte[] bytes = null;
            if (nested != null) {
                try {
                    bytes = nested.read();
                } catch (java.util.zip.DataFormatException | RuntimeException e) {
                    throw new ClassNotFoundException(name, e);
                }
            } else {
                var entry = jar.getEntry(CLASSES + path);
                if (entry == null) {
                    throw new ClassNotFoundException(name);
                }
                try (var in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return defineClass(name, bytes, 0, bytes.length, domain);
        }
    }

    /**
     * One class file of a nested jar held in memory: the jar's central directory is read once, and an entry is
     * inflated only when its class is loaded (the analyser loads about a tenth of Jackson's classes). Plain zip only:
     * anything else (Zip64, an unknown compression) makes {@link #index} fail, and the launcher runs the command.
     */
    record NestedEntry(byte[] jar, int offset, int compressedSize, int size, boolean deflated) {

        private static final String VERSIONS = "META-INF/versions/";

        byte[] read() throws java.util.zip.DataFormatException {
            if (!deflated) {
                return java.util.Arrays.copyOfRange(jar, offset, offset + size);
            }
            var inflater = new java.util.zip.Inflater(true);
            try {
                inflater.setInput(jar, offset, compressedSize);
                byte[] out = new byte[size];
                int n = 0;
                while (n < size) {
                    int k = inflater.inflate(out, n, size - n);
                    if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += k;
                }
                if (n != size) {
                    throw new java.util.zip.DataFormatException("short entry");
                }
                return out;
            } finally {
                inflater.end();
            }
        }

        /**
         * The class files of a jar by name; of a multi-release jar's versions, the highest up to {@code runtime}
         * stands for the name.
         */
        static java.util.Map<String, NestedEntry> index(byte[] jar, int runtime) {
            int end = -1;
            for (int i = jar.length - 22; i >= Math.max(0, jar.length - 22 - 0xFFFF); i--) {
                if (u32(jar, i) == 0x06054b50L) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("no end of central directory");
            }
            int count = u16(jar, end + 10);
            long at = u32(jar, end + 16);
            if (count == 0xFFFF || at == 0xFFFFFFFFL) {
                throw new IllegalArgumentException("Zip64");
            }
            var entries = new java.util.HashMap<String, NestedEntry>();
            var versions = new java.util.HashMap<String, Integer>();
            int p = (int) at;
            for (int i = 0; i < count; i++) {
                if (u32(jar, p) != 0x02014b50L) {
                    throw new IllegalArgumentException("central directory");
                }
                int method = u16(jar, p + 10);
                long compressed = u32(jar, p + 20);
                long size = u32(jar, p + 24);
                int nameLength = u16(jar, p + 28);
                int extraLength = u16(jar, p + 30);
                int commentLength = u16(jar, p + 32);
                long local = u32(jar, p + 42);
                String name = new String(jar, p + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
                p += 46 + nameLength + extraLength + commentLength;
                if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                    continue;
                }
                if ((method != 0 && method != 8) || compressed >= Integer.MAX_VALUE || size >= Integer.MAX_VALUE
                        || local + 30 > jar.length || u32(jar, (int) local) != 0x04034b50L) {
                    throw new IllegalArgumentException("entry " + name);
                }
                int data = (int) local + 30 + u16(jar, (int) local + 26) + u16(jar, (int) local + 28);
                if (data + compressed > jar.length) {
                    throw new IllegalArgumentException("entry " + name);
                }
                int version = 0;
                if (name.startsWith(VERSIONS)) {
                    int slash = name.indexOf('/', VERSIONS.length());
                    try {
                        version = slash < 0 ? Integer.MAX_VALUE : Integer.parseInt(name.substring(VERSIONS.length(), slash));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (version > runtime) {
                        continue;
                    }
                    name = name.substring(slash + 1);
                }
                Integer seen = versions.get(name);
                if (seen == null || version > seen) {
                    entries.put(name, new NestedEntry(jar, data, (int) compressed, (int) size, method == 8));
                    versions.put(name, version);
                }
            }
            return entries;
        }

        private static int u16(byte[] b, int i) {
            return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
        }

        private static long u32(byte[] b, int i) {
            return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFFFFFFL;
        }
    }
}
