package dev.paperplane.bootstrap.command;

import dev.paperplane.application.feed.FeedException;
import dev.paperplane.application.feed.imports.ImportFeed;
import dev.paperplane.application.feed.imports.ImportOptions;
import dev.paperplane.application.feed.imports.ImportSource;
import dev.paperplane.application.feed.imports.Layout;
import dev.paperplane.application.feed.imports.Role;
import dev.paperplane.application.text.Excerpt;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.domain.market.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code paperplane feed import}: turns CSV bars in common layouts into paperplane's own feed, which {@code run}
 * reads unchanged. The output appears whole or not at all: it is written to a temporary file beside it, forced to
 * disk, then moved into place.
 */
public final class FeedImportCommand implements Command {
    private static final Set<String> VALUED = Set.of("out", "layout", "instrument", "columns", "date-format",
            "bar-time", "time-zone");

    @Override
    public String name() {
        return "feed import";
    }

    @Override
    public String summary() {
        return "turn CSV bars (Yahoo, Stooq, Binance, your own columns) into a feed for run";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane feed import FILE... --out FEED.csv [options]
                      FILE or SYM=FILE     files to import, merged by time, then instrument; SYM names the
                                           instrument of a file without an instrument column
                      --out FEED.csv       the feed to write (replaced only when the whole import succeeds)
                      --layout L           paperplane, yahoo, stooq, binance-klines or generic; without it the
                                           layout is detected from each file's header and delimiter (, ; tab)
                      --instrument SYM     the instrument of a single file without an instrument column
                      --columns MAP        generic: time=Date,open=Open,high=High,low=Low,close=Close,volume=Volume
                                           (header names, or 1-based positions with --no-header); instrument=
                                           and adjclose= are optional
                      --no-header          generic: the first line is a bar
                      --date-format P      the time column's form, a java.time pattern such as M/d/yyyy
                      --bar-time HH:MM     time of day of a row with a date only (default 16:00, the close)
                      --time-zone ZONE     zone of times without an offset (default America/New_York)
                      --adjusted           scale open, high, low, close by Adj Close / Close
                    A date without a time of day is a bar at --bar-time in --time-zone, daylight saving applied.
                    example: ./paperplane feed import AAPL.csv --instrument AAPL --out feed.csv   (layout detected)
                    example: ./paperplane feed import old.csv --layout paperplane --out feed.csv
                    example: ./paperplane feed import AAPL.csv --layout yahoo --instrument AAPL --adjusted --out feed.csv
                    example: ./paperplane feed import pko_d.csv --layout stooq --instrument PKO \\
                                 --bar-time 17:00 --time-zone Europe/Warsaw --out feed.csv
                    example: ./paperplane feed import BTCUSDT=BTCUSDT-1m-2024-01.csv ETHUSDT=ETHUSDT-1m-2024-01.csv \\
                                 --layout binance-klines --out feed.csv
                    example: ./paperplane feed import prices.tsv --instrument XYZ --layout generic --no-header \\
                                 --columns time=1,open=2,high=3,low=4,close=5,volume=6 --date-format M/d/yyyy --out feed.csv""");
            return 0;
        }
        List<String> files = new ArrayList<>();
        List<String> optionArgs = new ArrayList<>();
        boolean noHeader = false;
        boolean adjusted = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--no-header")) {
                noHeader = true;
            } else if (arg.equals("--adjusted")) {
                adjusted = true;
            } else if (arg.startsWith("--")) {
                optionArgs.add(arg);
                if (!arg.contains("=") && i + 1 < args.size()) {
                    optionArgs.add(args.get(++i));
                }
            } else {
                files.add(arg);
            }
        }
        Options options = Options.parse(name(), optionArgs, VALUED);
        Path target = Path.of(options.require("out"));
        if (files.isEmpty()) {
            throw UserError.usage(name() + ": name at least one FILE to import (see ./paperplane feed import --help)");
        }
        ImportOptions importOptions = importOptions(options, noHeader, adjusted);
        List<Path> paths = new ArrayList<>();
        List<Optional<String>> instruments = new ArrayList<>();
        for (String file : files) {
            int eq = file.indexOf('=');
            if (eq > 0 && Bar.isValidInstrument(file.substring(0, eq))) {
                instruments.add(Optional.of(file.substring(0, eq)));
                paths.add(Path.of(file.substring(eq + 1)));
            } else {
                instruments.add(Optional.empty());
                paths.add(Path.of(file));
            }
        }
        Optional<String> instrument = options.get("instrument");
        if (instrument.isPresent()) {
            if (files.size() != 1 || instruments.getFirst().isPresent()) {
                throw UserError.usage(name() + ": --instrument names the instrument of a single file; for several,"
                        + " write SYM=FILE for each");
            }
            if (!Bar.isValidInstrument(instrument.get())) {
                throw UserError.usage(name() + ": --instrument " + Excerpt.quoted(instrument.get())
                        + " is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
            }
            instruments.set(0, instrument);
        }
        ImportFeed.Summary summary = importFiles(paths, instruments, importOptions, target);
        out.println("wrote " + target + ": " + summary.bars() + " bars of " + String.join(",", summary.instruments())
                + " from " + summary.first().time() + " to " + summary.last().time());
        return 0;
    }

    private ImportOptions importOptions(Options options, boolean noHeader, boolean adjusted) {
        Optional<Layout> layout = options.get("layout").map(label -> Layout.named(label).orElseThrow(() ->
                UserError.usage(name() + ": --layout " + Excerpt.quoted(label) + " is not one of "
                        + String.join(", ", Arrays.stream(Layout.values()).map(Layout::label).toList()))));
        boolean generic = layout.orElse(null) == Layout.GENERIC;
        if (generic != options.get("columns").isPresent()) {
            throw UserError.usage(name() + ": --columns goes with --layout generic, and --layout generic needs it");
        }
        if (noHeader && !generic) {
            throw UserError.usage(name() + ": --no-header goes with --layout generic (the other layouts know"
                    + " whether they have one)");
        }
        Map<Role, String> columns = new EnumMap<>(Role.class);
        for (String pair : options.get("columns").map(c -> c.split(",")).orElse(new String[0])) {
            int eq = pair.indexOf('=');
            Optional<Role> role = eq > 0 ? Role.ofKey(pair.substring(0, eq)) : Optional.empty();
            if (role.isEmpty() || columns.put(role.get(), pair.substring(eq + 1)) != null) {
                throw UserError.usage(name() + ": --columns entry " + Excerpt.quoted(pair) + " is not ROLE=COLUMN with"
                        + " a role among time, instrument, open, high, low, close, adjclose, volume, each once");
            }
        }
        Optional<String> dateFormat = options.get("date-format");
        dateFormat.ifPresent(pattern -> {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                throw UserError.usage(name() + ": --date-format " + Excerpt.quoted(pattern) + " is not a java.time"
                        + " pattern: " + e.getMessage());
            }
        });
        LocalTime barTime;
        ZoneId zone;
        try {
            barTime = options.get("bar-time").map(LocalTime::parse).orElse(ImportOptions.DEFAULT_BAR_TIME);
        } catch (DateTimeException e) {
            throw UserError.usage(name() + ": --bar-time " + Excerpt.quoted(options.get("bar-time").orElseThrow())
                    + " is not a time of day HH:MM");
        }
        try {
            zone = options.get("time-zone").map(ZoneId::of).orElse(ImportOptions.DEFAULT_ZONE);
        } catch (DateTimeException e) {
            throw UserError.usage(name() + ": --time-zone " + Excerpt.quoted(options.get("time-zone").orElseThrow())
                    + " is not a time zone such as Europe/Warsaw, UTC or +01:00");
        }
        return new ImportOptions(layout, columns, noHeader, dateFormat, barTime, zone, adjusted);
    }

    /** Imports into a temporary file beside {@code target}, forces it, then moves it over {@code target}. */
    private static ImportFeed.Summary importFiles(List<Path> paths, List<Optional<String>> instruments,
                                                  ImportOptions options, Path target) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        List<InputStream> opened = new ArrayList<>();
        try {
            List<ImportSource> sources = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path path = paths.get(i);
                if (!Files.isRegularFile(path)) {
                    throw new UserError("the file " + path + " does not exist or is not a file; nothing was written to "
                            + target);
                }
                InputStream in = Files.newInputStream(path);
                opened.add(in);
                sources.add(new ImportSource(path.toString(), in, instruments.get(i)));
            }
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".importing");
            ImportFeed.Summary summary;
            try (OutputStream bytes = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING);
                 Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                summary = new ImportFeed(options).importTo(sources, writer);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            return summary;
        } catch (FeedException e) {
            throw new UserError(e.getMessage() + "; nothing was written to " + target);
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot import into " + target + ": " + e.getMessage() + "; nothing was written to "
                    + target);
        } finally {
            for (InputStream in : opened) {
                closeQuietly(in);
            }
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the failure being reported matters more than a leftover temporary file
                }
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // a file that was only read: nothing to lose
        }
    }
}
