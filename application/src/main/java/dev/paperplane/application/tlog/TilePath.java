package dev.paperplane.application.tlog;

/**
 * C2SP tlog-tiles paths: a tile index N written in groups of three decimal digits, every group but the last
 * prefixed with {@code x} ({@code 1234067} is {@code x001/x234/067}), and a partial tile's width as {@code .p/W}.
 */
public final class TilePath {
    private TilePath() {
    }

    /** The path form of tile index {@code n}. */
    public static String index(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a tile index is not negative: " + n);
        }
        StringBuilder out = new StringBuilder(String.format("%03d", n % 1000));
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            out.insert(0, String.format("x%03d/", rest % 1000));
        }
        return out.toString();
    }

    /**
     * The index a path form names, or -1 when it is not exactly the form {@link #index(long)} writes.
     */
    public static long parseIndex(String path) {
        String[] groups = path.split("/", -1);
        if (groups.length > 7) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            String digits = last ? g : (g.startsWith("x") ? g.substring(1) : "");
            if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            n = n * 1000 + Integer.parseInt(digits);
        }
        return index(n).equals(path) ? n : -1;
    }
}
