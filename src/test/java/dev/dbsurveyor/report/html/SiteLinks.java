package dev.dbsurveyor.report.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every page of a generated site, parsed, and the links of each that do not resolve. */
public final class SiteLinks {

    private SiteLinks() {
    }

    /** Every HTML file under {@code site}. */
    public static List<Path> pages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each {@code href} and {@code src} of every page under {@code site} that names a missing file
     * or, with a fragment, an id the target page does not have; or that leaves the site.
     */
    public static List<String> broken(Path site) {
        List<String> broken = new ArrayList<>();
        for (Path page : pages(site)) {
            Document document = parse(page);
            for (Element element : document.select("[href], [src]")) {
                String target = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                String problem = problem(site, page, document, target);
                if (problem != null) {
                    broken.add(site.relativize(page) + ": " + target + " " + problem);
                }
            }
        }
        return broken;
    }

    private static String problem(Path site, Path page, Document document, String target) {
        URI uri = URI.create(target);
        if (uri.isAbsolute() || target.startsWith("//")) {
            return "leaves the site";
        }
        Path file = uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath()).normalize();
        if (!file.startsWith(site.normalize())) {
            return "leaves the site";
        }
        if (!Files.isRegularFile(file)) {
            return "names no file";
        }
        if (uri.getFragment() != null) {
            Document targetDocument = file.equals(page) ? document : parse(file);
            if (targetDocument.getElementById(uri.getFragment()) == null) {
                return "names no id on its page";
            }
        }
        return null;
    }
}
