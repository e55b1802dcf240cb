package dev.paperplane.bootstrap.command;

import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code paperplane feed synth}: writes a seeded, reproducible synthetic OHLCV feed. */
public final class FeedSynthCommand implements Command {

    @Override
    public String name() {
        return "feed synth";
    }

    @Override
    public String summary() {
        return "write a seeded synthetic OHLCV feed (same arguments, same bytes)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane feed synth --bars N --instruments A,B,C --seed S --out FILE
                      --bars N          bars per instrument (one per minute from 2024-01-02T00:00:00Z)
                      --instruments L   comma-separated instrument symbols
                      --seed S          the seed (any whole number); the same arguments give the same bytes
                      --out FILE        the CSV file to write (replaced if it exists)
                    example: ./paperplane feed synth --bars 1000 --instruments AAA,BBB --seed 42 --out feed.csv""");
            return 0;
        }
        Options options = Options.parse(name(), args, Set.of("bars", "instruments", "seed", "out"));
        int bars = (int) options.number("bars", -1, 0, 100_000_000);
        if (bars < 0) {
            options.require("bars");
        }
        List<String> instruments = Arrays.stream(options.require("instruments").split(",")).map(String::trim).toList();
        long seed = options.number("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        options.require("seed");
        Path target = Path.of(options.require("out"));
        SyntheticFeed feed;
        try {
            feed = new SyntheticFeed(bars, instruments, seed);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(name() + ": " + e.getMessage());
        }
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            feed.writeTo(writer);
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        }
        out.println("wrote " + target + ": " + ((long) bars * instruments.size()) + " bars of " + String.join(",", instruments)
                + " (seed " + seed + ")");
        return 0;
    }
}
