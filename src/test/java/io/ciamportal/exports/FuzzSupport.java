package io.ciamportal.exports;

import io.ciamportal.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What every fuzz target asks of the code under test, whatever the input: an answer within {@link #DEADLINE} (a hang
 * is a finding, not a stuck build), no more than {@link #MAX_ALLOCATED} bytes allocated for one input, and only the
 * outcomes the target allows. The deadline is kept here, on a worker thread, because a JUnit {@code @Timeout} on a
 * {@code @FuzzTest} also bounds the whole fuzzing run (see {@link ExportFuzzTest}).
 */
public final class FuzzSupport {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final long MAX_ALLOCATED = 512L << 20;

    /** Small limits, so an input that inflates (gzip) or nests stops early; the checks are the same as with the defaults. */
    public static final ExportLimits LIMITS = new ExportLimits(8L << 20, 200, 64 << 10, 64, 200);

    private static final java.lang.management.ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static ExecutorService worker = newWorker();

    private FuzzSupport() {}

    /** Runs the task on the worker with the deadline and the allocation bound; rethrows what it threw. */
    public static synchronized void bounded(Runnable task) {
        Future<?> done = worker.submit(() -> {
            long classes = CLASSES.getTotalLoadedClassCount();
            long before = allocated();
            task.run();
            long used = allocated() - before;
            // loading (and, when fuzzing, instrumenting) a class allocates on this thread too: such a run is not judged
            if (used > MAX_ALLOCATED && CLASSES.getTotalLoadedClassCount() == classes) {
                throw new AssertionError("allocated " + (used >> 20) + " MB for one input");
            }
        });
        try {
            done.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + DEADLINE.toSeconds() + " s: a hang on this input");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case Error error -> throw error;
                case RuntimeException runtime -> throw runtime;
                default -> throw new AssertionError(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Analyses the files (name to content, in order) and accepts only a finished analysis that its own reader takes
     * back, or a refusal (ExportFormatException or another InvalidInputException) with a message that names the file.
     */
    static void analyse(@Nullable Platform platform, List<Map.Entry<String, byte[]>> files) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(ExportSamples.AS_OF).withPlatform(platform), LIMITS);
        String current = null;
        try {
            for (var file : files) {
                current = file.getKey();
                analyser.add(file.getKey(), new ByteArrayInputStream(file.getValue()));
            }
            current = null;
            finished(analyser.finish(), files.size());
        } catch (InvalidInputException refused) {
            String message = refused.getMessage();
            if (message == null || message.isBlank() || message.length() > 2_000 || message.chars().anyMatch(Character::isISOControl)) {
                throw new AssertionError("a refusal needs a short plain message, not: " + message, refused);
            }
            if (current != null && !message.contains(current)) {
                throw new AssertionError("the message does not name the file " + current + ": " + message, refused);
            }
        }
    }

    /** A finished analysis: sane counts, and the JSON document reads back to itself (what the upload path takes). */
    static void finished(ExportAnalysis a, int files) {
        if (a.users() < 0 || a.files().size() != files || a.skipped().emptyRecords() < 0) {
            throw new AssertionError("counts out of range: " + a.users() + " users, " + a.files().size() + " files");
        }
        String json = AnalysisJson.write(a);
        ExportAnalysis back = AnalysisJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        if (!AnalysisJson.write(back).equals(json)) {
            throw new AssertionError("the document does not read back to itself:\n" + json + "\n" + AnalysisJson.write(back));
        }
        AnalysisText.render(a);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "fuzz-worker");
            thread.setDaemon(true);
            return thread;
        });
    }
}
