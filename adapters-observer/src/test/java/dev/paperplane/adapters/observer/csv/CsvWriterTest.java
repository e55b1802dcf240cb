package dev.paperplane.adapters.observer.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** RFC 4180 records, checked by their bytes and by reading them back with an independent parser. */
class CsvWriterTest {
    private static String text(byte[] record) {
        return new String(record, StandardCharsets.UTF_8);
    }

    private static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreSeparatedByCommasAndTheRecordEndsWithCrLf() {
        assertThat(text(CsvWriter.record(List.of("7", "2024-01-02T09:30:00Z", "-31.57000000", "ACME"))))
                .isEqualTo("7,2024-01-02T09:30:00Z,-31.57000000,ACME\r\n");
    }

    @Test
    void aFieldWithACommaAQuoteACrOrALfIsQuotedAndItsQuotesAreDoubled() {
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("\"")).isEqualTo("\"\"\"\"");
        assertThat(CsvWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvWriter.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(CsvWriter.field("crlf\r\n")).isEqualTo("\"crlf\r\n\"");
    }

    @Test
    void fieldsThatNeedNoQuotesKeepTheirSpacesTabsAndNonAsciiText() {
        assertThat(CsvWriter.field(" padded ")).isEqualTo(" padded ");
        assertThat(CsvWriter.field("tab\there")).isEqualTo("tab\there");
        assertThat(CsvWriter.field("é ✓ 株")).isEqualTo("é ✓ 株");
        assertThat(CsvWriter.record(List.of("é✓"))).isEqualTo("é✓\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nullAndEmptyFieldsAreBothEmpty() {
        assertThat(text(CsvWriter.record(Arrays.asList("a", null, "", "b")))).isEqualTo("a,,,b\r\n");
        assertThat(text(CsvWriter.record(Arrays.asList((String) null)))).isEqualTo("\r\n");
    }

    @Test
    void everyAwkwardFieldReadsBackUnchangedWithAnIndependentParser() throws IOException {
        List<String> awkward = List.of("a,b", "\"", "\"\"", "say \"hi\", then\r\nleave", "\n", "\r", ",",
                " lead and trail ", "{\"fastMa\":\"100.50000000\",\"note\":\"a, b\"}", "é ✓", "-0.00000001");
        List<String> plain = List.of("1", "x");

        String csv = text(CsvWriter.record(awkward)) + text(CsvWriter.record(plain));

        assertThat(parse(csv)).containsExactly(awkward, plain);
    }

    @Test
    void columnsWriteTheirNamesAsTheHeaderRowAndEachItemsFieldsInTheSameOrder() throws IOException {
        record Fill(long seq, String instrument, String reason) {
        }
        CsvColumns<Fill> columns = CsvColumns.<Fill>of()
                .and("seq", f -> Long.toString(f.seq()))
                .and("instrument", Fill::instrument)
                .and("reason", Fill::reason);

        String csv = text(columns.header()) + text(columns.row(new Fill(3, "ACME", "cross, up")))
                + text(columns.row(new Fill(4, "B\"B", null)));

        assertThat(columns.names()).containsExactly("seq", "instrument", "reason");
        assertThat(csv).isEqualTo("seq,instrument,reason\r\n3,ACME,\"cross, up\"\r\n4,\"B\"\"B\",\r\n");
        assertThat(parse(csv)).containsExactly(List.of("seq", "instrument", "reason"),
                List.of("3", "ACME", "cross, up"), List.of("4", "B\"B", ""));
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        CsvColumns<String> one = CsvColumns.<String>of().and("seq", s -> s);

        assertThatThrownBy(() -> one.and("seq", s -> s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'seq' is named twice");
    }
}
