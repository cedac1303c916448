package io.durable.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as a versioned, self-contained document: its state and its whole journal in order, for a
 * replay check of new workflow code against a run recorded in production (durable-testing's
 * {@code WorkflowTestKit.replay}), a bug report, or an archive. {@link #toJson()} writes it as JSON
 * (the format is {@code docs/run-export.md}); {@link #fromJson(String)} reads it back equal.
 *
 * <p>Payloads (input, output, step results) stay JSON values inside the document, so the export reads
 * well and diffs well in a review; their text may be re-spaced, their values are unchanged.
 *
 * @param formatVersion the format version the document was written in, {@link #FORMAT_VERSION}
 * @param exportedAt    when the engine exported it
 * @param run           the run as stored at that time
 * @param journal       its journal entries, by sequence (as {@link WorkflowEngine#steps} gives them)
 */
public record RunExport(int formatVersion, Instant exportedAt, RunInfo run, List<StepInfo> journal) {

    /** The format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the fields.
     *
     * @throws PayloadException when the format version is not one this library reads
     */
    public RunExport {
        checkFormatVersion(formatVersion);
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(run, "run");
        journal = List.copyOf(journal);
    }

    /** Refuses a format version this library does not read, before anything else of the document. */
    static void checkFormatVersion(int formatVersion) {
        if (formatVersion != FORMAT_VERSION) {
            throw new PayloadException("A run export of format version " + formatVersion + " cannot be read by this "
                    + "version of the library, which reads version " + FORMAT_VERSION + "; export the run again with "
                    + "the engine that reads it", null);
        }
    }

    /**
     * A run's export in the current format.
     *
     * @param exportedAt when
     * @param run        the run
     * @param journal    its journal
     * @return the export
     */
    public static RunExport of(Instant exportedAt, RunInfo run, List<StepInfo> journal) {
        return new RunExport(FORMAT_VERSION, exportedAt, run, journal);
    }

    /**
     * Writes the document as JSON (pretty printed, UTF-8 text). Needs a JSON-P implementation at run
     * time, which every Jakarta EE server has.
     *
     * @return the JSON document
     */
    public String toJson() {
        return RunExportJson.write(this);
    }

    /**
     * Reads a document that {@link #toJson()} wrote.
     *
     * @param json the JSON document
     * @return the export
     * @throws PayloadException when the text is not JSON, not a run export, of another format version, or
     *                          misses a mandatory field (the message names it)
     */
    public static RunExport fromJson(String json) {
        return RunExportJson.read(json);
    }
}
