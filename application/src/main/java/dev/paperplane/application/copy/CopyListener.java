package dev.paperplane.application.copy;

/** What a copy reports while it runs: the progress of each pass over the records, and each snapshot it skips. */
public interface CopyListener {

    /** The passes over the records, in order, each with the label a progress display shows. */
    enum Pass {
        /** The whole source read and verified, before the target is opened. */
        READING("copy (reading the source)"),
        /** Records appended to the target. */
        COPYING("copy"),
        /** The target verified after the copy. */
        VERIFYING("copy (verifying the target)");

        private final String label;

        Pass(String label) {
            this.label = label;
        }

        /** The label of this pass's progress. */
        public String label() {
            return label;
        }
    }

    /** The progress of one pass: records done of a total (0: unknown); closed when the pass ends. */
    interface PassProgress extends AutoCloseable {
        /** {@code done} records of {@code total} (0: unknown) so far. */
        void update(long done, long total);

        @Override
        void close();
    }

    /** A pass begins; it reports to what this returns. */
    PassProgress start(Pass pass);

    /** The source's snapshot at {@code seq} is not copied, because of {@code problem}. */
    void snapshotSkipped(long seq, String problem);
}
