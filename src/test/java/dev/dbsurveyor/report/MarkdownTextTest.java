package dev.dbsurveyor.report;

import dev.dbsurveyor.report.markdown.MarkdownPages;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile text written where a line begins stays one paragraph of the same text when CommonMark reads it. */
class MarkdownTextTest {

    private static final Parser PARSER = Parser.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"- item", "+ item", "* item", "1. first", "12) twelfth", "---", "===", "***", "___", "    indented code",
            "  - indented item", "> quote", "# heading", "<div>block</div>", "```", "~~~ fence", "[label]: /target", "| a | b |",
            "2024.05 release", "plain words"})
    void textAtTheStartOfALineIsOneParagraphOfItself(String text) {
        Node document = PARSER.parse("Before.\n\n" + MarkdownText.line(text) + "\n");

        Node paragraph = document.getFirstChild().getNext();
        assertThat(paragraph).as(MarkdownText.line(text)).isInstanceOf(Paragraph.class);
        assertThat(paragraph.getNext()).isNull();
        assertThat(Jsoup.parse(MarkdownPages.render(paragraph)).text()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"- nested", "1. nested", "> quoted", "    code", "---"})
    void textAfterAListMarkerIsTheItemsOwnParagraph(String text) {
        Node document = PARSER.parse("- " + MarkdownText.line(text) + "\n");

        Node item = document.getFirstChild().getFirstChild();
        assertThat(document).isInstanceOf(Document.class);
        assertThat(item.getFirstChild()).as(MarkdownText.line(text)).isInstanceOf(Paragraph.class);
        assertThat(item.getFirstChild().getNext()).isNull();
        assertThat(Jsoup.parse(MarkdownPages.render(item.getFirstChild())).text()).isEqualTo(text.strip());
    }
}
