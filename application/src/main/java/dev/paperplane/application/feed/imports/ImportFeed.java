package dev.paperplane.application.feed.imports;

import dev.paperplane.application.feed.CsvFeed;
import dev.paperplane.application.feed.FeedException;
import dev.paperplane.domain.market.Bar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Imports CSV files in the layouts people have into paperplane's own feed: reads every file, merges their bars by
 * time, then instrument, and writes them with {@link CsvFeed#HEADER}. Nothing is written unless every file was read
 * without fault, and the same files and options always give the same bytes.
 */
public final class ImportFeed {
    private static final Comparator<ImportedBar> FEED_ORDER = Comparator
            .comparing((ImportedBar b) -> b.bar().time()).thenComparing(b -> b.bar().instrument());

    private final ImportOptions options;

    /** An import reading its files as {@code options} say. */
    public ImportFeed(ImportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What an import wrote: bars, instruments, and the first and last bar. */
    public record Summary(long bars, List<String> instruments, Bar first, Bar last) {
    }

    /**
     * Reads {@code sources}, then writes the merged feed to {@code out}; a {@link FeedException} naming the file,
     * line and reason before anything is written if any row is bad.
     */
    public Summary importTo(List<ImportSource> sources, Writer out) {
        List<ImportedBar> bars = new ArrayList<>();
        for (ImportSource source : sources) {
            bars.addAll(SourceReader.read(source, options));
        }
        if (bars.isEmpty()) {
            throw new FeedException(sources.getLast().name(), 1, "no bars in any of the files");
        }
        bars.sort(FEED_ORDER);
        for (int i = 1; i < bars.size(); i++) {
            ImportedBar previous = bars.get(i - 1);
            ImportedBar bar = bars.get(i);
            if (FEED_ORDER.compare(previous, bar) == 0) {
                throw new FeedException(bar.source(), bar.line(), bar.bar().instrument() + " at " + bar.bar().time()
                        + " is also at " + previous.source() + " line " + previous.line()
                        + " (one bar per instrument and time)");
            }
        }
        write(bars, out);
        TreeSet<String> instruments = new TreeSet<>();
        bars.forEach(b -> instruments.add(b.bar().instrument()));
        return new Summary(bars.size(), List.copyOf(instruments), bars.getFirst().bar(), bars.getLast().bar());
    }

    private static void write(List<ImportedBar> bars, Writer out) {
        StringBuilder line = new StringBuilder(128);
        try {
            out.write(CsvFeed.HEADER);
            out.write('\n');
            for (ImportedBar imported : bars) {
                Bar bar = imported.bar();
                line.setLength(0);
                line.append(bar.time()).append(',').append(bar.instrument());
                for (BigDecimal value : List.of(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume())) {
                    line.append(',').append(plain(value));
                }
                out.append(line.append('\n'));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported feed: " + e.getMessage(), e);
        }
    }

    /** The shortest plain form of a canonical value: no exponent, no trailing zeros after the point. */
    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
