package dev.dbsurveyor.report.markdown;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A Markdown report read back as GitHub reads it: parsed with CommonMark and GitHub's tables, rendered, its links checked. */
public final class MarkdownPages {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    /** The only HTML the report writes itself: anchors made from positions, code spans and line breaks. */
    private static final Pattern OWN_HTML = Pattern.compile("(<a id=\"[a-z]+(-\\d+)?\">|</a>|</?code>|<br>|\\s)+");

    private MarkdownPages() {
    }

    public static List<Path> pages(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Node parse(Path page) {
        try {
            return PARSER.parse(Files.readString(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String html(Path page) {
        return render(parse(page));
    }

    public static String render(Node node) {
        return RENDERER.render(node);
    }

    /** Every node of {@code type} under {@code root}, in document order. */
    public static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, type, found);
        }
    }

    /** Raw HTML of {@code page} other than the report's own anchors, code spans and breaks. */
    public static List<String> foreignHtml(Path page) {
        List<String> foreign = new ArrayList<>();
        parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                if (!OWN_HTML.matcher(html.getLiteral()).matches()) {
                    foreign.add(html.getLiteral());
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                if (!OWN_HTML.matcher(html.getLiteral().strip()).matches()) {
                    foreign.add(html.getLiteral());
                }
            }
        });
        return foreign;
    }

    /** Each link of every page under {@code root} that names a missing file or an anchor its page lacks, or leaves the report. */
    public static List<String> broken(Path root) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages(root)) {
            for (Link link : all(parse(page), Link.class)) {
                URI uri = URI.create(link.getDestination());
                Path file = uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath()).normalize();
                if (uri.isAbsolute() || !file.startsWith(root) || !Files.isRegularFile(file)) {
                    broken.add(root.relativize(page) + ": " + link.getDestination());
                } else if (uri.getFragment() != null && !anchors(file).contains(uri.getFragment())) {
                    broken.add(root.relativize(page) + ": " + link.getDestination() + " names no anchor");
                }
            }
        }
        return broken;
    }

    private static List<String> anchors(Path page) throws IOException {
        return Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(Files.readString(page)).results().map(match -> match.group(1)).toList();
    }
}
