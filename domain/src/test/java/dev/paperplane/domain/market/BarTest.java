package dev.paperplane.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarTest {
    private static final Pattern DOCUMENTED = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");
    private static final String ALPHABET = "AZaz09._-@ /é";

    @Test
    void instrumentNamesAreValidExactlyWhenTheyMatchTheDocumentedPattern() {
        List<String> names = new ArrayList<>(List.of("", "A".repeat(32), "A".repeat(33), "9" + ".".repeat(31),
                "A".repeat(31) + "a", "-A"));
        for (char a : ALPHABET.toCharArray()) {
            names.add(String.valueOf(a));
            for (char b : ALPHABET.toCharArray()) {
                names.add("" + a + b);
                for (char c : ALPHABET.toCharArray()) {
                    names.add("" + a + b + c);
                }
            }
        }

        for (String name : names) {
            assertThat(Bar.isValidInstrument(name)).as("'%s'", name).isEqualTo(DOCUMENTED.matcher(name).matches());
        }
        assertThat(Bar.isValidInstrument(null)).isFalse();
    }
}
