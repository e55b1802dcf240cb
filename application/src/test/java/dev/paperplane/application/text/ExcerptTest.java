package dev.paperplane.application.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortValueIsQuotedWhole() {
        assertThat(Excerpt.quoted("12.5x")).isEqualTo("'12.5x'");
    }

    @Test
    void aValueOfExactlyTheEchoLimitIsNotCut() {
        String forty = "9".repeat(Excerpt.MAX_ECHO);

        assertThat(Excerpt.quoted(forty)).isEqualTo("'" + forty + "'");
    }

    @Test
    void aLongerValueIsCutToItsStartFollowedByItsLength() {
        String value = "1".repeat(52_428_800);

        assertThat(Excerpt.quoted(value)).isEqualTo("'" + "1".repeat(Excerpt.MAX_ECHO) + "…' (52428800 characters)");
    }

    @Test
    void controlAndFormatCharactersAreEscapedNeverEchoedRaw() {
        assertThat(Excerpt.quoted("a\u0000b\u001b[2Jc\u202Ed\n"))
                .isEqualTo("'a\\u0000b\\u001B[2Jc\\u202Ed\\u000A'");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String value = "x".repeat(Excerpt.MAX_ECHO - 1) + "😀" + "tail";

        assertThat(Excerpt.quotedStart(value)).isEqualTo("'" + "x".repeat(Excerpt.MAX_ECHO - 1) + "…'");
    }

    @Test
    void cutKeepsTheObserversExcerptShape() {
        assertThat(Excerpt.cut("abcdef", 3)).isEqualTo("abc…");
        assertThat(Excerpt.cut("abc", 3)).isEqualTo("abc");
        assertThat(Excerpt.cut(null, 3)).isNull();
    }
}
